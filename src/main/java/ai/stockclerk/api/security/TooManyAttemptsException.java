package ai.stockclerk.api.security;

import ai.stockclerk.StockClerkException;
import java.time.Duration;

/** Too many login attempts; {@link #retryAfter()} says when the next one is allowed. */
public class TooManyAttemptsException extends StockClerkException {

  private final Duration retryAfter;

  public TooManyAttemptsException(Duration retryAfter) {
    super("too many login attempts; try again later");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
