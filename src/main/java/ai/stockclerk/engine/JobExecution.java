package ai.stockclerk.engine;

import ai.stockclerk.engine.workers.JobRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Runs one claimed job through its handler and ends the claim according to what happened. */
final class JobExecution implements JobRunner {

  private static final Logger LOG = LoggerFactory.getLogger(JobExecution.class);
  static final Duration PAUSED_RECHECK = Duration.ofSeconds(1);

  private final JobQueue queue;
  private final JobHandler handler;
  private final KindSettings settings;
  private final Clock clock;
  private final EngineMetrics metrics;
  private final TenantFailures failures;

  JobExecution(JobQueue queue, JobHandler handler, KindSettings settings, Clock clock, EngineMetrics metrics, TenantFailures failures) {
    this.queue = queue;
    this.handler = handler;
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
    this.failures = failures;
  }

  @Override
  public boolean run(Job job, TimeoutFlag interruption) {
    if (LaneRouter.SHARED_LANE.equals(job.lane()) && queue.isPaused(job.tenant())) {
      // Only reachable for tenants on the shared lane: per-tenant lanes are not claimed while paused.
      queue.release(job, clock.instant().plus(PAUSED_RECHECK));
      return false;
    }
    if (job.attempt() > settings.retry().maxAttempts()) {
      // Claims that expired (node died mid-job) spent attempts without reaching a handler's end.
      deadLetter(job, "attempts exhausted: claim expired " + (job.attempt() - 1) + " times");
      return false;
    }
    metrics.started(job.kind(), Duration.between(job.enqueuedAt(), clock.instant()));
    long start = System.nanoTime();
    MDC.put("tenant", job.tenant());
    try {
      handler.handle(job);
      if (interruption.isSet()) {
        throw new HandlerTimeoutException(settings.timeout());
      }
      failures.succeeded(job.tenant(), job.kind());
      metrics.finished(job.kind(), "ok", System.nanoTime() - start);
      return true;
    } catch (Throwable failure) {
      Throwable cause = interruption.isSet() && !(failure instanceof HandlerTimeoutException)
          ? new HandlerTimeoutException(settings.timeout()) : failure;
      endFailed(job, cause, interruption);
      metrics.finished(job.kind(), "failed", System.nanoTime() - start);
      if (failure instanceof Error error && !(failure instanceof AssertionError)) {
        throw error;
      }
      return false;
    } finally {
      MDC.remove("tenant");
    }
  }

  private void endFailed(Job job, Throwable cause, TimeoutFlag interruption) {
    try {
      if (interruption.shuttingDown() && !interruption.isSet()) {
        queue.release(job, clock.instant());
      } else {
        failed(job, cause);
      }
    } catch (RuntimeException backendDown) {
      LOG.error("could not end the claim of job {} of tenant {}; it returns after its visibility timeout",
          job.id(), job.tenant(), backendDown);
    }
  }

  private void failed(Job job, Throwable failure) {
    String error = describe(failure);
    int streak = failures.failed(job.tenant(), job.kind());
    if (job.attempt() >= settings.retry().maxAttempts()) {
      deadLetter(job, error);
      return;
    }
    Duration delay = failure instanceof RetryLaterException later && later.after() != null
        ? later.after()
        : failures.penalise(settings.retry().delayAfter(job.attempt(), ThreadLocalRandom.current()), streak, settings.retry());
    Instant at = clock.instant().plus(delay);
    LOG.debug("job {} of tenant {} kind {} failed (attempt {}), retry in {}: {}",
        job.id(), job.tenant(), job.kind(), job.attempt(), delay, error);
    queue.retry(job, at, error);
  }

  private void deadLetter(Job job, String error) {
    if (queue.deadLetter(job, error)) {
      metrics.deadLettered(job.kind());
      LOG.warn("job {} of tenant {} kind {} dead-lettered after {} attempts: {}",
          job.id(), job.tenant(), job.kind(), job.attempt(), error);
    }
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return text.length() > 500 ? text.substring(0, 500) : text;
  }

  /** The handler ran past the kind's timeout. */
  static final class HandlerTimeoutException extends RuntimeException {
    HandlerTimeoutException(Duration timeout) {
      super("handler ran past its timeout of " + timeout);
    }
  }
}
