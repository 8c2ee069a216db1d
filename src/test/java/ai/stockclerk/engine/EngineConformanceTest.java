package ai.stockclerk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Engines (nodes) with real worker threads over one backend. Subclasses only provide a view of a
 * fresh backend per node.
 */
public abstract class EngineConformanceTest {

  protected static final JobKind KIND = new JobKind("webhook");
  private static final RetryPolicy FAST_RETRY = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20));
  private final List<Engine> engines = new ArrayList<>();

  /** Another node's view of this test's backend. */
  protected abstract JobQueue nodeQueue(Clock clock, LaneRouter router, LimitsPolicy limits);

  /** How many jobs a worker claims at once on this backend. */
  protected int claimBatch() {
    return 1;
  }

  /** Called after every engine of the test has stopped. */
  protected void cleanUpBackend() {}

  @AfterEach
  void stopEngines() {
    engines.forEach(Engine::close);
    cleanUpBackend();
  }

  protected Engine engine(KindSettings settings, JobHandler handler) {
    Engine engine = Engine.builder()
        .nodeName("node" + engines.size())
        .sharedQueue(nodeQueue(Clock.systemUTC(), LaneRouter.PER_TENANT, LimitsPolicy.UNLIMITED))
        .sweepInterval(Duration.ofMillis(50))
        .shutdownDeadline(Duration.ofSeconds(5))
        .build()
        .register(KIND, settings, handler)
        .start();
    engines.add(engine);
    return engine;
  }

  private KindSettings settings(int workers) {
    return KindSettings.DEFAULT.workers(workers, workers).withRetry(FAST_RETRY).withClaimBatch(claimBatch())
        .withTimeout(Duration.ofMillis(300), Duration.ofSeconds(5));
  }

  @Test
  void threeNodesRunTenThousandJobsExactlyOnce() {
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    JobHandler handler = job -> runs.computeIfAbsent(job.payload(), p -> new AtomicInteger()).incrementAndGet();
    List<Engine> nodes = List.of(engine(settings(3), handler), engine(settings(3), handler), engine(settings(3), handler));
    int jobs = 10_000;
    List<JobRequest> chunk = new ArrayList<>();
    for (int i = 0; i < jobs; i++) {
      chunk.add(JobRequest.of("tenant" + (i % 20), KIND, "job" + i));
      if (chunk.size() == 500) {
        assertThat(nodes.get(i % 3).enqueueAll(chunk)).containsOnly(EnqueueOutcome.ENQUEUED);
        chunk.clear();
      }
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> runs.size() == jobs
        && nodes.get(0).depthReport(KIND).totalDepth() == 0);
    assertThat(runs.values()).allSatisfy(count -> assertThat(count).hasValue(1));
    assertThat(runs).hasSize(jobs);
  }

  @Test
  void failingHandlerIsRetriedWithBackoffUntilItSucceeds() {
    AtomicInteger attempts = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(1);
    Engine engine = engine(settings(1), job -> {
      if (attempts.incrementAndGet() < 3) {
        throw new IllegalStateException("channel says 503");
      }
      assertThat(job.attempt()).isEqualTo(3);
      done.countDown();
    });
    engine.enqueue(JobRequest.of("t1", KIND, "p"));
    await().atMost(Duration.ofSeconds(10)).until(() -> done.getCount() == 0);
    assertThat(attempts).hasValue(3);
    assertThat(engine.deadLetters("t1", 10)).isEmpty();
  }

  @Test
  void lastFailureDeadLettersAndReplayRunsTheJobAgain() {
    AtomicInteger runs = new AtomicInteger();
    Map<String, Boolean> healthy = new ConcurrentHashMap<>(Map.of("t1", false));
    Engine engine = engine(settings(1), job -> {
      runs.incrementAndGet();
      if (!healthy.get(job.tenant())) {
        throw new IllegalStateException("always fails");
      }
    });
    engine.enqueue(JobRequest.of("t1", KIND, "p"));
    await().atMost(Duration.ofSeconds(10)).until(() -> !engine.deadLetters("t1", 10).isEmpty());
    DeadLetter dead = engine.deadLetters("t1", 10).get(0);
    assertThat(dead.attempts()).isEqualTo(3);
    assertThat(dead.lastError()).contains("always fails");
    assertThat(runs).hasValue(3);
    healthy.put("t1", true);
    assertThat(engine.replay("t1", dead.id())).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 4);
    assertThat(engine.deadLetters("t1", 10)).isEmpty();
  }

  @Test
  void retryAfterFromTheHandlerIsHonoured() {
    List<Long> starts = new ArrayList<>();
    Engine engine = engine(settings(1), job -> {
      synchronized (starts) {
        starts.add(System.nanoTime());
      }
      if (job.attempt() == 1) {
        throw new RetryLaterException("429", Duration.ofMillis(400));
      }
    });
    engine.enqueue(JobRequest.of("t1", KIND, "p"));
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      synchronized (starts) {
        return starts.size() == 2;
      }
    });
    assertThat(TimeUnit.NANOSECONDS.toMillis(starts.get(1) - starts.get(0))).isGreaterThanOrEqualTo(390);
  }

  @Test
  void hangingHandlerTimesOutAndOnlyDelaysItsOwnTenant() {
    AtomicInteger healthyDone = new AtomicInteger();
    AtomicInteger hangs = new AtomicInteger();
    Engine engine = engine(settings(2), job -> {
      if (job.tenant().equals("hangs")) {
        hangs.incrementAndGet();
        Thread.sleep(60_000);
      }
      healthyDone.incrementAndGet();
    });
    engine.enqueue(JobRequest.of("hangs", KIND, "stuck"));
    for (int i = 0; i < 20; i++) {
      engine.enqueue(JobRequest.of("healthy", KIND, "ok" + i));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> healthyDone.get() == 20);
    await().atMost(Duration.ofSeconds(10)).until(() -> !engine.deadLetters("hangs", 1).isEmpty());
    assertThat(hangs).hasValue(3);
    assertThat(engine.deadLetters("hangs", 1).get(0).lastError()).contains("timeout");
  }

  @Test
  void pausedTenantRunsNothingUntilResumed() {
    AtomicInteger runs = new AtomicInteger();
    Engine engine = engine(settings(1), job -> runs.incrementAndGet());
    engine.pause("t1");
    engine.enqueue(JobRequest.of("t1", KIND, "p"));
    engine.enqueue(JobRequest.of("t2", KIND, "p"));
    await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);
    assertThat(engine.stats("t1", KIND).depth()).isEqualTo(1);
    engine.resume("t1");
    await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 2);
  }

  @Test
  void gracefulShutdownFinishesTheRunningJob() {
    CountDownLatch started = new CountDownLatch(1);
    AtomicInteger finished = new AtomicInteger();
    Engine engine = engine(settings(1), job -> {
      started.countDown();
      Thread.sleep(200);
      finished.incrementAndGet();
    });
    engine.enqueue(JobRequest.of("t1", KIND, "p"));
    await().atMost(Duration.ofSeconds(10)).until(() -> started.getCount() == 0);
    engine.close();
    assertThat(finished).hasValue(1);
    assertThat(engine.stats("t1", KIND)).isEqualTo(LaneStats.EMPTY);
  }
}
