package ai.stockclerk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.stockclerk.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobQueue} adapter must do. Subclasses only build the adapter; a second
 * "instance" is another node's view of the same backend.
 */
public abstract class JobQueueConformanceTest {

  protected static final JobKind KIND = new JobKind("sync");
  protected static final Duration VISIBILITY = Duration.ofSeconds(30);

  protected final MutableClock clock = MutableClock.atEpochDay();
  protected final TestLimits limits = new TestLimits();
  private final List<JobQueue> opened = new ArrayList<>();
  protected JobQueue queue;

  /** A new view of the backend this test uses; every view of one test shares the same data. */
  protected abstract JobQueue open(Clock clock, LaneRouter router, LimitsPolicy limits);

  /** Starts a fresh, empty backend for one test. */
  protected void newBackend() {}

  @BeforeEach
  void createQueue() {
    newBackend();
    queue = node(LaneRouter.PER_TENANT);
  }

  @AfterEach
  void closeQueues() {
    opened.forEach(JobQueue::close);
  }

  protected JobQueue node(LaneRouter router) {
    JobQueue view = open(clock, router, limits);
    opened.add(view);
    return view;
  }

  private Job claimOne() {
    List<Job> jobs = queue.claim(KIND, 1, VISIBILITY);
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  @Test
  void enqueuedJobIsClaimedOnceAndCompleted() {
    assertThat(queue.enqueue(JobRequest.of("t1", KIND, "p"))).isEqualTo(EnqueueOutcome.ENQUEUED);
    Job job = claimOne();
    assertThat(job.tenant()).isEqualTo("t1");
    assertThat(job.payload()).isEqualTo("p");
    assertThat(job.attempt()).isEqualTo(1);
    assertThat(queue.claim(KIND, 5, VISIBILITY)).isEmpty();
    assertThat(queue.complete(job)).isTrue();
    assertThat(queue.complete(job)).as("second acknowledgement").isFalse();
    assertThat(queue.stats("t1", KIND)).isEqualTo(LaneStats.EMPTY);
  }

  @Test
  void kindsAreSeparate() {
    queue.enqueue(JobRequest.of("t1", new JobKind("alert"), "a"));
    assertThat(queue.claim(KIND, 5, VISIBILITY)).isEmpty();
    assertThat(queue.claim(new JobKind("alert"), 5, VISIBILITY)).extracting(Job::payload).containsExactly("a");
  }

  @Test
  void lanesAreServedInTurnsWhateverTheirDepth() {
    for (int i = 0; i < 100; i++) {
      queue.enqueue(JobRequest.of("flood", KIND, "f" + i));
    }
    queue.enqueue(JobRequest.of("quiet", KIND, "q"));
    List<Job> jobs = queue.claim(KIND, 2, VISIBILITY);
    assertThat(jobs).extracting(Job::tenant).containsExactlyInAnyOrder("flood", "quiet");
  }

  @Test
  void weightsShareTurns() {
    limits.set("heavy", KIND, TenantLimits.DEFAULT.withWeight(3));
    for (int i = 0; i < 20; i++) {
      queue.enqueue(JobRequest.of("heavy", KIND, "h" + i));
      queue.enqueue(JobRequest.of("light", KIND, "l" + i));
    }
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      jobs.addAll(queue.claim(KIND, 1, VISIBILITY));
    }
    assertThat(jobs.stream().filter(j -> j.tenant().equals("heavy")).count()).isEqualTo(6);
  }

  @Test
  void jobsOfOneLaneKeepTheirOrder() {
    for (int i = 0; i < 5; i++) {
      queue.enqueue(JobRequest.of("t1", KIND, "p" + i));
    }
    assertThat(queue.claim(KIND, 5, VISIBILITY)).extracting(Job::payload).containsExactly("p0", "p1", "p2", "p3", "p4");
  }

  @Test
  void sharedLaneIsFirstComeFirstServed() {
    queue = node(tenant -> LaneRouter.SHARED_LANE);
    for (int i = 0; i < 3; i++) {
      queue.enqueue(JobRequest.of("flood", KIND, "f" + i));
    }
    queue.enqueue(JobRequest.of("quiet", KIND, "q"));
    assertThat(queue.claim(KIND, 3, VISIBILITY)).extracting(Job::tenant).containsOnly("flood");
    assertThat(queue.stats("quiet", KIND).depth()).as("shared lane depth").isEqualTo(1);
  }

  @Test
  void delayedJobWaitsForItsTime() {
    queue.enqueue(JobRequest.of("t1", KIND, "later").delayedBy(Duration.ofSeconds(10)));
    assertThat(queue.claim(KIND, 1, VISIBILITY)).isEmpty();
    assertThat(queue.stats("t1", KIND).depth()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(10));
    assertThat(claimOne().payload()).isEqualTo("later");
  }

  @Test
  void failedJobRetriesAtTheGivenTimeWithTheNextAttempt() {
    queue.enqueue(JobRequest.of("t1", KIND, "p"));
    Job first = claimOne();
    assertThat(queue.retry(first, clock.instant().plusSeconds(5), "boom")).isTrue();
    assertThat(queue.claim(KIND, 1, VISIBILITY)).isEmpty();
    clock.advance(Duration.ofSeconds(5));
    Job second = claimOne();
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.attempt()).isEqualTo(2);
    assertThat(queue.complete(first)).as("the old claim").isFalse();
    assertThat(queue.complete(second)).isTrue();
  }

  @Test
  void releaseGivesTheJobBackWithoutSpendingAnAttempt() {
    queue.enqueue(JobRequest.of("t1", KIND, "p"));
    queue.release(claimOne(), clock.instant());
    assertThat(claimOne().attempt()).isEqualTo(1);
  }

  @Test
  void deadLetterIsListedAndReplayable() {
    queue.enqueue(JobRequest.of("t1", KIND, "p"));
    Job job = claimOne();
    assertThat(queue.deadLetter(job, "gave up")).isTrue();
    List<DeadLetter> dead = queue.deadLetters("t1", 10);
    assertThat(dead).singleElement().satisfies(letter -> {
      assertThat(letter.id()).isEqualTo(job.id());
      assertThat(letter.payload()).isEqualTo("p");
      assertThat(letter.lastError()).isEqualTo("gave up");
      assertThat(letter.kind()).isEqualTo(KIND);
    });
    assertThat(queue.deadLetters("t2", 10)).isEmpty();
    assertThat(queue.claim(KIND, 1, VISIBILITY)).isEmpty();
    assertThat(queue.replay("t2", job.id())).as("another tenant's replay").isFalse();
    assertThat(queue.replay("t1", job.id())).isTrue();
    assertThat(queue.replay("t1", job.id())).as("replayed twice").isFalse();
    assertThat(queue.deadLetters("t1", 10)).isEmpty();
    Job again = claimOne();
    assertThat(again.payload()).isEqualTo("p");
    assertThat(again.attempt()).isEqualTo(1);
  }

  @Test
  void pausedTenantKeepsItsWorkAndRunsNothingUntilResumed() {
    queue.enqueue(JobRequest.of("t1", KIND, "p"));
    queue.enqueue(JobRequest.of("t2", KIND, "other"));
    queue.pause("t1");
    assertThat(queue.isPaused("t1")).isTrue();
    assertThat(queue.claim(KIND, 5, VISIBILITY)).extracting(Job::tenant).containsExactly("t2");
    queue.enqueue(JobRequest.of("t1", KIND, "p2"));
    assertThat(queue.stats("t1", KIND).depth()).isEqualTo(2);
    queue.resume("t1");
    assertThat(queue.isPaused("t1")).isFalse();
    assertThat(queue.claim(KIND, 5, VISIBILITY)).extracting(Job::payload).containsExactly("p", "p2");
  }

  @Test
  void concurrencyCapLimitsRunningJobsOfTheLane() {
    limits.set("t1", KIND, TenantLimits.DEFAULT.withConcurrency(2));
    for (int i = 0; i < 5; i++) {
      queue.enqueue(JobRequest.of("t1", KIND, "p" + i));
    }
    queue.enqueue(JobRequest.of("t2", KIND, "x"));
    List<Job> running = queue.claim(KIND, 10, VISIBILITY);
    assertThat(running.stream().filter(j -> j.tenant().equals("t1"))).hasSize(2);
    assertThat(queue.stats("t1", KIND).running()).isEqualTo(2);
    queue.complete(running.stream().filter(j -> j.tenant().equals("t1")).findFirst().orElseThrow());
    assertThat(queue.claim(KIND, 10, VISIBILITY)).hasSize(1);
  }

  @Test
  void maxDepthRefusesWithATypedError() {
    limits.set("t1", KIND, TenantLimits.DEFAULT.withMaxDepth(3));
    for (int i = 0; i < 3; i++) {
      queue.enqueue(JobRequest.of("t1", KIND, "p" + i));
    }
    assertThatThrownBy(() -> queue.enqueue(JobRequest.of("t1", KIND, "p3")))
        .isInstanceOfSatisfying(QueueFullException.class, full -> {
          assertThat(full.tenant()).isEqualTo("t1");
          assertThat(full.kind()).isEqualTo(KIND);
          assertThat(full.maxDepth()).isEqualTo(3);
          assertThat(full.retryable()).isTrue();
        });
    assertThat(queue.enqueue(JobRequest.of("t2", KIND, "other"))).isEqualTo(EnqueueOutcome.ENQUEUED);
    claimOne();
    assertThat(queue.enqueue(JobRequest.of("t1", KIND, "p3"))).as("room again once one started").isEqualTo(EnqueueOutcome.ENQUEUED);
  }

  @Test
  void jobsPerMinuteCapHoldsUntilTheNextMinute() {
    limits.set("t1", KIND, TenantLimits.DEFAULT.withPerMinute(2));
    for (int i = 0; i < 5; i++) {
      queue.enqueue(JobRequest.of("t1", KIND, "p" + i));
    }
    List<Job> first = queue.claim(KIND, 10, VISIBILITY);
    assertThat(first).hasSize(2);
    first.forEach(queue::complete);
    assertThat(queue.claim(KIND, 10, VISIBILITY)).isEmpty();
    clock.advance(Duration.ofMinutes(1));
    assertThat(queue.claim(KIND, 10, VISIBILITY)).hasSize(2);
  }

  @Test
  void coalescingWhileQueuedKeepsOneJobWithTheLatestPayload() {
    assertThat(queue.enqueue(JobRequest.of("t1", KIND, "level=5").coalescedBy("sku-1"))).isEqualTo(EnqueueOutcome.ENQUEUED);
    assertThat(queue.enqueue(JobRequest.of("t1", KIND, "level=4").coalescedBy("sku-1"))).isEqualTo(EnqueueOutcome.MERGED_INTO_QUEUED);
    assertThat(queue.enqueue(JobRequest.of("t1", KIND, "other").coalescedBy("sku-2"))).isEqualTo(EnqueueOutcome.ENQUEUED);
    assertThat(queue.stats("t1", KIND).depth()).isEqualTo(2);
    List<Job> jobs = queue.claim(KIND, 5, VISIBILITY);
    assertThat(jobs).extracting(Job::payload).containsExactly("level=4", "other");
  }

  @Test
  void coalescingWhileRunningRunsOnceMoreWithTheLastPayload() {
    queue.enqueue(JobRequest.of("t1", KIND, "level=5").coalescedBy("sku-1"));
    Job running = claimOne();
    assertThat(queue.enqueue(JobRequest.of("t1", KIND, "level=4").coalescedBy("sku-1"))).isEqualTo(EnqueueOutcome.RERUN_AFTER_RUNNING);
    assertThat(queue.enqueue(JobRequest.of("t1", KIND, "level=3").coalescedBy("sku-1"))).isEqualTo(EnqueueOutcome.RERUN_AFTER_RUNNING);
    assertThat(queue.claim(KIND, 5, VISIBILITY)).as("no second run while the first runs").isEmpty();
    queue.complete(running);
    Job rerun = claimOne();
    assertThat(rerun.payload()).isEqualTo("level=3");
    assertThat(rerun.attempt()).isEqualTo(1);
    queue.complete(rerun);
    assertThat(queue.claim(KIND, 5, VISIBILITY)).isEmpty();
    assertThat(queue.enqueue(JobRequest.of("t1", KIND, "level=2").coalescedBy("sku-1"))).isEqualTo(EnqueueOutcome.ENQUEUED);
  }

  @Test
  void aDelayedRequestWhileRunningRunsOnceMoreAfterTheDelay() {
    queue.enqueue(JobRequest.of("t1", KIND, "first").coalescedBy("later-1"));
    Job running = claimOne();
    assertThat(queue.enqueue(JobRequest.of("t1", KIND, "second").coalescedBy("later-1")
        .delayedBy(Duration.ofSeconds(2)))).isEqualTo(EnqueueOutcome.RERUN_AFTER_RUNNING);
    queue.complete(running);
    assertThat(queue.claim(KIND, 5, VISIBILITY)).as("the rerun keeps the delay it was asked with").isEmpty();
    clock.advance(Duration.ofSeconds(2));
    assertThat(claimOne().payload()).isEqualTo("second");
  }

  @Test
  void anImmediateRequestWhileRunningIsNotHeldBackByADelayedOne() {
    queue.enqueue(JobRequest.of("t1", KIND, "first").coalescedBy("later-2"));
    Job running = claimOne();
    queue.enqueue(JobRequest.of("t1", KIND, "later").coalescedBy("later-2").delayedBy(Duration.ofSeconds(5)));
    queue.enqueue(JobRequest.of("t1", KIND, "now").coalescedBy("later-2"));
    queue.complete(running);
    assertThat(claimOne().payload()).isEqualTo("now");
  }

  @Test
  void updateArrivingWhileTheLastAttemptFailsIsNotLost() {
    queue.enqueue(JobRequest.of("t1", KIND, "level=5").coalescedBy("sku-1"));
    Job running = claimOne();
    queue.enqueue(JobRequest.of("t1", KIND, "level=4").coalescedBy("sku-1"));
    queue.deadLetter(running, "channel down");
    Job next = claimOne();
    assertThat(next.payload()).isEqualTo("level=4");
    queue.retry(next, clock.instant(), "again");
    queue.enqueue(JobRequest.of("t1", KIND, "level=3").coalescedBy("sku-1"));
    assertThat(claimOne().payload()).as("a queued retry takes the newest payload").isEqualTo("level=3");
  }

  @Test
  void statsReportDepthRunningAndOldestWait() {
    queue.enqueue(JobRequest.of("t1", KIND, "a"));
    queue.enqueue(JobRequest.of("t1", KIND, "b"));
    queue.enqueue(JobRequest.of("t1", KIND, "c"));
    clock.advance(Duration.ofSeconds(3));
    claimOne();
    LaneStats stats = queue.stats("t1", KIND);
    assertThat(stats.depth()).isEqualTo(2);
    assertThat(stats.running()).isEqualTo(1);
    assertThat(stats.oldestWait()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void depthReportNamesTheDeepestLanes() {
    for (int i = 0; i < 5; i++) {
      queue.enqueue(JobRequest.of("deep", KIND, "d" + i));
    }
    queue.enqueue(JobRequest.of("shallow", KIND, "s"));
    queue.enqueue(JobRequest.of("mid", KIND, "m1"));
    queue.enqueue(JobRequest.of("mid", KIND, "m2"));
    JobQueue.DepthReport report = queue.depthReport(KIND, 2);
    assertThat(report.totalDepth()).isEqualTo(8);
    assertThat(report.deepest()).containsExactly(new LaneDepth("deep", 5), new LaneDepth("mid", 2));
  }

  @Test
  void claimOfANodeThatStoppedIsTakenOverAfterTheVisibilityTimeout() {
    JobQueue other = node(LaneRouter.PER_TENANT);
    queue.enqueue(JobRequest.of("t1", KIND, "p"));
    Job lost = claimOne();
    assertThat(other.recoverExpiredClaims()).as("before the timeout").isZero();
    assertThat(other.claim(KIND, 1, VISIBILITY)).isEmpty();
    clock.advance(VISIBILITY.plusMillis(1));
    assertThat(other.recoverExpiredClaims()).isEqualTo(1);
    List<Job> taken = other.claim(KIND, 1, VISIBILITY);
    assertThat(taken).singleElement().satisfies(job -> {
      assertThat(job.id()).isEqualTo(lost.id());
      assertThat(job.attempt()).isEqualTo(2);
    });
    assertThat(queue.complete(lost)).as("the stopped node's late ack").isFalse();
    assertThat(other.complete(taken.get(0))).isTrue();
  }

  @Test
  void manyNodesClaimingAtOnceRunEveryJobExactlyOnce() throws Exception {
    int jobs = 2_000;
    for (int i = 0; i < jobs; i++) {
      queue.enqueue(JobRequest.of("t" + (i % 13), KIND, "p" + i));
    }
    List<JobQueue> nodes = List.of(queue, node(LaneRouter.PER_TENANT), node(LaneRouter.PER_TENANT));
    Set<String> seen = ConcurrentHashMap.newKeySet();
    AtomicInteger duplicates = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      JobQueue node = nodes.get(t % nodes.size());
      threads.add(new Thread(() -> {
        List<Job> claimed;
        while (!(claimed = node.claim(KIND, 7, VISIBILITY)).isEmpty()) {
          for (Job job : claimed) {
            if (!seen.add(job.payload()) || !node.complete(job)) {
              duplicates.incrementAndGet();
            }
          }
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join(60_000);
    }
    assertThat(duplicates).hasValue(0);
    assertThat(seen).hasSize(jobs);
    assertThat(queue.depthReport(KIND, 1).totalDepth()).isZero();
  }
}
