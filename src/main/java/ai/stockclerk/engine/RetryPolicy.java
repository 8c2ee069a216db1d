package ai.stockclerk.engine;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential back-off with "equal jitter": half the delay is fixed, half random, so retries spread out. */
public record RetryPolicy(int maxAttempts, Duration base, Duration max) {

  public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(5));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (base.isNegative() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 <= base <= max");
    }
  }

  /** Delay before the attempt after {@code failedAttempt} (1-based). */
  public Duration delayAfter(int failedAttempt, RandomGenerator random) {
    long ceiling = max.toMillis();
    long exponential = base.toMillis() << Math.min(30, Math.max(0, failedAttempt - 1));
    long capped = exponential < 0 ? ceiling : Math.min(ceiling, exponential);
    long half = capped / 2;
    return Duration.ofMillis(half + (half == 0 ? 0 : random.nextLong(half + 1)));
  }
}
