package ai.stockclerk.engine.queue.redis;

import ai.stockclerk.engine.JobKind;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes this node's idle workers when this node adds work. Work added by other nodes is found by
 * the bounded wait running out: Redis has no cheap push for "a lane has work", and a poll every
 * idle-wait costs one round trip per idle worker.
 */
final class LocalWakeups {

  private final ConcurrentHashMap<JobKind, Semaphore> permits = new ConcurrentHashMap<>();

  void signal(JobKind kind) {
    Semaphore semaphore = semaphore(kind);
    if (semaphore.hasQueuedThreads()) {
      semaphore.release();
    }
  }

  void signalAll() {
    permits.values().forEach(semaphore -> semaphore.release(Math.max(1, semaphore.getQueueLength())));
  }

  void await(JobKind kind, Duration max) throws InterruptedException {
    Semaphore semaphore = semaphore(kind);
    semaphore.tryAcquire(max.toMillis(), TimeUnit.MILLISECONDS);
    semaphore.drainPermits();
  }

  private Semaphore semaphore(JobKind kind) {
    return permits.computeIfAbsent(kind, k -> new Semaphore(0));
  }
}
