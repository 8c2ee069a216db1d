package ai.stockclerk.channels;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One level to set on a channel. {@code expectedCurrent} is the level we believe the channel shows,
 * for vendors with compare-and-set; {@code idempotencyKey} lets vendors that support it drop a
 * repeated request.
 */
public record LevelUpdate(String externalId, int level, OptionalInt expectedCurrent, String idempotencyKey) {
  public LevelUpdate {
    Objects.requireNonNull(externalId);
    Objects.requireNonNull(expectedCurrent);
    if (level < 0) {
      throw new IllegalArgumentException("a channel is never shown a negative level");
    }
  }

  public static LevelUpdate of(String externalId, int level) {
    return new LevelUpdate(externalId, level, OptionalInt.empty(), null);
  }
}
