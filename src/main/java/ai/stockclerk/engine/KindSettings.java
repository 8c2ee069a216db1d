package ai.stockclerk.engine;

import java.time.Duration;

/**
 * How one kind runs: retries, handler timeout, claim visibility, worker pool floor and ceiling, and
 * how many jobs a worker claims at once (1 keeps fairness exact; more saves Redis round trips).
 */
public record KindSettings(
    RetryPolicy retry, Duration timeout, Duration visibility, int minWorkers, int maxWorkers, int claimBatch) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_VISIBILITY = Duration.ofSeconds(60);
  public static final int DEFAULT_MIN_WORKERS = 1;
  public static final int DEFAULT_MAX_WORKERS = 8;
  public static final KindSettings DEFAULT = new KindSettings(
      RetryPolicy.DEFAULT, DEFAULT_TIMEOUT, DEFAULT_VISIBILITY, DEFAULT_MIN_WORKERS, DEFAULT_MAX_WORKERS, 1);

  public KindSettings {
    if (minWorkers < 0 || maxWorkers < Math.max(1, minWorkers)) {
      throw new IllegalArgumentException("need 0 <= minWorkers <= maxWorkers, maxWorkers >= 1");
    }
    if (claimBatch < 1) {
      throw new IllegalArgumentException("claimBatch must be at least 1");
    }
    if (visibility.compareTo(timeout) <= 0) {
      throw new IllegalArgumentException("visibility must exceed the handler timeout, or live jobs get taken over");
    }
  }

  /** A fixed-size pool, as the shared launch design had (webhook 10, sync 5, alert 3). */
  public KindSettings fixedWorkers(int workers) {
    return new KindSettings(retry, timeout, visibility, workers, workers, claimBatch);
  }

  public KindSettings workers(int min, int max) {
    return new KindSettings(retry, timeout, visibility, min, max, claimBatch);
  }

  public KindSettings withRetry(RetryPolicy value) {
    return new KindSettings(value, timeout, visibility, minWorkers, maxWorkers, claimBatch);
  }

  public KindSettings withTimeout(Duration handlerTimeout, Duration claimVisibility) {
    return new KindSettings(retry, handlerTimeout, claimVisibility, minWorkers, maxWorkers, claimBatch);
  }

  public KindSettings withClaimBatch(int value) {
    return new KindSettings(retry, timeout, visibility, minWorkers, maxWorkers, value);
  }
}
