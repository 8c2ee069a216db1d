package ai.stockclerk.channels.support;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;

/**
 * Bounded retries of one vendor call. Backoff is exponential with jitter (Resilience4j's interval
 * function); a vendor's {@code Retry-After} wins when longer. A wait longer than {@code
 * maxWait} is not spent here: the failure goes back to the caller with the hint, so the job
 * engine can park the work instead of holding a thread.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxWait) {

  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(10);

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_WAIT);

  /** One attempt only. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** The wait before attempt {@code attempt + 1}, given the vendor's hint (may be null). */
  Duration backoff(int attempt, Duration vendorHint) {
    long millis = initialBackoff.isZero()
        ? 0
        : IntervalFunction.ofExponentialRandomBackoff(initialBackoff.toMillis(), 2.0, 0.5).apply(attempt);
    Duration computed = Duration.ofMillis(millis);
    return vendorHint != null && vendorHint.compareTo(computed) > 0 ? vendorHint : computed;
  }
}
