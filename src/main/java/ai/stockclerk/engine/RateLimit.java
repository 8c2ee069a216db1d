package ai.stockclerk.engine;

import java.time.Duration;

/** A token bucket: {@code capacity} tokens, refilled at {@code capacity} per {@code period}. */
public record RateLimit(long capacity, Duration period) {
  public RateLimit {
    if (capacity < 1 || period == null || period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("rate limit needs capacity >= 1 and a positive period");
    }
  }
}
