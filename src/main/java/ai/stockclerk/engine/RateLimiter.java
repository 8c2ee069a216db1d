package ai.stockclerk.engine;

import java.time.Duration;

/** Token buckets by key (a channel connection); in cluster mode all nodes share each bucket. */
public interface RateLimiter extends AutoCloseable {

  /** Takes {@code permits} tokens from the key's bucket, shaped by {@link Limits}, if it has them. */
  Acquisition tryAcquire(String key, long permits);

  /**
   * Takes {@code permits} tokens from the key's bucket if it has them, for callers that know the
   * bucket's shape themselves (a vendor's documented budget). The shape applies when the bucket is
   * made; while it lives, the first shape stays.
   */
  Acquisition tryAcquire(String key, RateLimit limit, long permits);

  @Override
  default void close() {}

  /** Whether tokens were taken, and if not, how long until enough have refilled. */
  record Acquisition(boolean granted, Duration retryAfter) {}

  /** Which bucket a key gets. */
  @FunctionalInterface
  interface Limits {
    RateLimit limitFor(String key);
  }
}
