package ai.stockclerk.channels.support;

import java.time.Instant;
import java.util.Objects;

/** A bearer token and when it stops working. Its value is never printed. */
public record AccessToken(String value, Instant expiresAt) {

  public AccessToken {
    Objects.requireNonNull(value);
    Objects.requireNonNull(expiresAt);
  }

  @Override
  public String toString() {
    return "AccessToken[expiresAt=" + expiresAt + "]";
  }
}
