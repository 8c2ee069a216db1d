package ai.stockclerk.engine.queue.memory;

import ai.stockclerk.engine.DeadLetter;
import ai.stockclerk.engine.EnqueueOutcome;
import ai.stockclerk.engine.Job;
import ai.stockclerk.engine.JobKind;
import ai.stockclerk.engine.JobQueue;
import ai.stockclerk.engine.JobRequest;
import ai.stockclerk.engine.LaneRouter;
import ai.stockclerk.engine.LaneStats;
import ai.stockclerk.engine.LimitsPolicy;
import ai.stockclerk.engine.lanes.DeficitRoundRobin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded-mode job queue: a real implementation held in this process's heap, shared by every
 * engine built on it. Jobs do not survive a restart; the database sweeps re-create them (I4).
 */
public final class InMemoryJobQueue implements JobQueue {

  private final Clock clock;
  private final LaneRouter router;
  private final LimitsPolicy limits;
  private final int quantum;
  private final Set<String> pausedLanes = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<JobKind, MemoryKindQueue> kinds = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  public InMemoryJobQueue(Clock clock, LaneRouter router, LimitsPolicy limits) {
    this(clock, router, limits, DeficitRoundRobin.DEFAULT_QUANTUM);
  }

  public InMemoryJobQueue(Clock clock, LaneRouter router, LimitsPolicy limits, int quantum) {
    this.clock = clock;
    this.router = router;
    this.limits = limits;
    this.quantum = quantum;
  }

  @Override
  public EnqueueOutcome enqueue(JobRequest request) {
    String id = "m" + Long.toString(ids.incrementAndGet(), 36);
    return kind(request.kind()).enqueue(id, router.laneOf(request.tenant()), request);
  }

  @Override
  public List<EnqueueOutcome> enqueueAll(List<JobRequest> requests) {
    if (requests.stream().map(JobRequest::kind).distinct().count() > 1) {
      return JobQueue.super.enqueueAll(requests);
    }
    List<EnqueueOutcome> out = new ArrayList<>(requests.size());
    if (requests.isEmpty()) {
      return out;
    }
    List<String> jobIds = new ArrayList<>(requests.size());
    List<String> lanes = new ArrayList<>(requests.size());
    for (JobRequest request : requests) {
      jobIds.add("m" + Long.toString(ids.incrementAndGet(), 36));
      lanes.add(router.laneOf(request.tenant()));
    }
    kind(requests.get(0).kind()).enqueueAll(jobIds, lanes, requests, out);
    return out;
  }

  @Override
  public List<Boolean> completeAll(List<Job> jobs) {
    if (jobs.isEmpty() || jobs.stream().map(Job::kind).distinct().count() > 1) {
      return JobQueue.super.completeAll(jobs);
    }
    return kind(jobs.get(0).kind()).completeAll(jobs);
  }

  @Override
  public List<Job> claim(JobKind kind, int max, Duration visibility) {
    return kind(kind).claim(max, visibility);
  }

  @Override
  public boolean complete(Job job) {
    return kind(job.kind()).complete(job);
  }

  @Override
  public boolean retry(Job job, Instant at, String error) {
    return kind(job.kind()).retry(job, at, error, true);
  }

  @Override
  public boolean release(Job job, Instant at) {
    return kind(job.kind()).retry(job, at, null, false);
  }

  @Override
  public boolean deadLetter(Job job, String error) {
    return kind(job.kind()).deadLetter(job, error);
  }

  @Override
  public List<DeadLetter> deadLetters(String tenant, int limit) {
    List<DeadLetter> out = new ArrayList<>();
    kinds.values().forEach(kind -> kind.deadLetters(router.laneOf(tenant), tenant, out, limit));
    return out;
  }

  @Override
  public boolean replay(String tenant, String deadLetterId) {
    String lane = router.laneOf(tenant);
    return kinds.values().stream().anyMatch(kind -> kind.replay(lane, tenant, deadLetterId));
  }

  @Override
  public void pause(String tenant) {
    pausedLanes.add(tenant);
  }

  @Override
  public void resume(String tenant) {
    if (pausedLanes.remove(tenant)) {
      kinds.values().forEach(kind -> kind.laneResumed(tenant));
    }
  }

  @Override
  public boolean isPaused(String tenant) {
    return pausedLanes.contains(tenant);
  }

  @Override
  public LaneStats stats(String tenant, JobKind kind) {
    return kind(kind).stats(router.laneOf(tenant));
  }

  @Override
  public DepthReport depthReport(JobKind kind, int topN) {
    return kind(kind).depthReport(topN);
  }

  @Override
  public int recoverExpiredClaims() {
    return kinds.values().stream().mapToInt(MemoryKindQueue::recoverExpired).sum();
  }

  @Override
  public void awaitWork(JobKind kind, Duration max) throws InterruptedException {
    kind(kind).awaitWork(max);
  }

  @Override
  public void close() {}

  private MemoryKindQueue kind(JobKind kind) {
    return kinds.computeIfAbsent(kind, k -> new MemoryKindQueue(k, clock, limits, pausedLanes, quantum));
  }
}
