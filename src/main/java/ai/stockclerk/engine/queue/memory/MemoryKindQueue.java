package ai.stockclerk.engine.queue.memory;

import ai.stockclerk.engine.DeadLetter;
import ai.stockclerk.engine.EnqueueOutcome;
import ai.stockclerk.engine.Job;
import ai.stockclerk.engine.JobKind;
import ai.stockclerk.engine.JobRequest;
import ai.stockclerk.engine.LaneDepth;
import ai.stockclerk.engine.LaneStats;
import ai.stockclerk.engine.LimitsPolicy;
import ai.stockclerk.engine.QueueFullException;
import ai.stockclerk.engine.TenantLimits;
import ai.stockclerk.engine.JobQueue.DepthReport;
import ai.stockclerk.engine.lanes.DeficitRoundRobin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/** All lanes of one kind behind one lock; kinds never contend with each other. */
final class MemoryKindQueue {

  private final JobKind kind;
  private final Clock clock;
  private final LimitsPolicy limits;
  private final Set<String> pausedLanes;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition workAvailable = lock.newCondition();
  private final Map<String, MemoryLane> lanes = new HashMap<>();
  private final Map<String, MemoryJob> inflight = new HashMap<>();
  private final PriorityQueue<MemoryJob> delayed = new PriorityQueue<>(Comparator.comparingLong(j -> j.dueMillis));
  private final DeficitRoundRobin<String> drr;
  private long claims;

  MemoryKindQueue(JobKind kind, Clock clock, LimitsPolicy limits, Set<String> pausedLanes, int quantum) {
    this.kind = kind;
    this.clock = clock;
    this.limits = limits;
    this.pausedLanes = pausedLanes;
    this.drr = new DeficitRoundRobin<>(quantum, lane -> limits.limits(lane, kind).weight());
  }

  EnqueueOutcome enqueue(String id, String lane, JobRequest request) {
    lock.lock();
    try {
      return enqueueLocked(id, lane, request);
    } finally {
      lock.unlock();
    }
  }

  /** Enqueues under one lock; {@code ids}, {@code lanes} and {@code requests} run in parallel. */
  void enqueueAll(List<String> ids, List<String> lanes, List<JobRequest> requests, List<EnqueueOutcome> out) {
    lock.lock();
    try {
      for (int i = 0; i < requests.size(); i++) {
        try {
          out.add(enqueueLocked(ids.get(i), lanes.get(i), requests.get(i)));
        } catch (QueueFullException full) {
          out.add(EnqueueOutcome.REFUSED_QUEUE_FULL);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private EnqueueOutcome enqueueLocked(String id, String lane, JobRequest request) {
    {
      MemoryLane memoryLane = lanes.computeIfAbsent(lane, l -> new MemoryLane());
      String key = request.coalescingKey();
      MemoryJob existing = key == null ? null : memoryLane.byCoalescingKey.get(key);
      if (existing != null && existing.state == MemoryJob.State.QUEUED) {
        existing.payload = request.payload();
        return EnqueueOutcome.MERGED_INTO_QUEUED;
      }
      if (existing != null && existing.state == MemoryJob.State.RUNNING) {
        long due = clock.instant().plus(request.delay()).toEpochMilli();
        existing.nextDueMillis = existing.runAgain ? Math.min(existing.nextDueMillis, due) : due;
        existing.runAgain = true;
        existing.nextPayload = request.payload();
        return EnqueueOutcome.RERUN_AFTER_RUNNING;
      }
      long maxDepth = limits.limits(lane, kind).maxDepth();
      if (maxDepth >= 0 && memoryLane.depth() >= maxDepth) {
        throw new QueueFullException(request.tenant(), kind, maxDepth);
      }
      Instant now = clock.instant();
      MemoryJob job = new MemoryJob(id, request.tenant(), lane, kind, request.payload(), key, now);
      if (key != null) {
        memoryLane.byCoalescingKey.put(key, job);
      }
      schedule(memoryLane, job, now.plus(request.delay()).toEpochMilli(), false);
      return EnqueueOutcome.ENQUEUED;
    }
  }

  List<Job> claim(int max, Duration visibility) {
    lock.lock();
    try {
      long now = clock.millis();
      promoteDue(now);
      long minute = now / 60_000;
      Predicate<String> eligible = lane -> eligible(lane, minute);
      List<Job> out = new ArrayList<>(Math.min(max, 16));
      while (out.size() < max) {
        String lane = drr.next(eligible);
        if (lane == null) {
          break;
        }
        MemoryLane memoryLane = lanes.get(lane);
        MemoryJob job = memoryLane.ready.pollFirst();
        if (memoryLane.ready.isEmpty()) {
          drr.deactivate(lane);
        }
        job.state = MemoryJob.State.RUNNING;
        job.attempt++;
        job.token = Long.toString(++claims, 36);
        job.deadlineMillis = now + visibility.toMillis();
        memoryLane.running++;
        memoryLane.countStart(minute);
        inflight.put(job.id, job);
        out.add(job.claimed());
      }
      return out;
    } finally {
      lock.unlock();
    }
  }

  List<Boolean> completeAll(List<Job> claimed) {
    lock.lock();
    try {
      List<Boolean> out = new ArrayList<>(claimed.size());
      for (Job job : claimed) {
        out.add(complete(job));
      }
      return out;
    } finally {
      lock.unlock();
    }
  }

  boolean complete(Job claimed) {
    lock.lock();
    try {
      MemoryJob job = takeClaim(claimed);
      if (job == null) {
        return false;
      }
      MemoryLane lane = lanes.get(job.lane);
      if (job.runAgain) {
        long due = job.nextDueMillis;
        job.resetForRerun(clock.instant());
        schedule(lane, job, due, false);
      } else {
        lane.byCoalescingKey.remove(job.coalescingKey, job);
      }
      workAvailable.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  boolean retry(Job claimed, Instant at, String error, boolean spendAttempt) {
    lock.lock();
    try {
      MemoryJob job = takeClaim(claimed);
      if (job == null) {
        return false;
      }
      if (job.runAgain) {
        job.payload = job.nextPayload;
        job.nextPayload = null;
        job.runAgain = false;
      }
      if (!spendAttempt) {
        job.attempt--;
      } else {
        job.error = error;
      }
      schedule(lanes.get(job.lane), job, at.toEpochMilli(), !spendAttempt);
      workAvailable.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  boolean deadLetter(Job claimed, String error) {
    lock.lock();
    try {
      MemoryJob job = takeClaim(claimed);
      if (job == null) {
        return false;
      }
      MemoryLane lane = lanes.get(job.lane);
      if (job.runAgain) {
        // A newer payload arrived while the last attempt ran: it deserves its own attempts.
        job.resetForRerun(clock.instant());
        schedule(lane, job, 0, false);
      } else {
        job.state = MemoryJob.State.DEAD;
        job.error = error;
        lane.byCoalescingKey.remove(job.coalescingKey, job);
        lane.dead.put(job.id, job);
      }
      workAvailable.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  void deadLetters(String lane, String tenant, List<DeadLetter> out, int limit) {
    lock.lock();
    try {
      MemoryLane memoryLane = lanes.get(lane);
      if (memoryLane == null) {
        return;
      }
      for (MemoryJob job : memoryLane.dead.values()) {
        if (out.size() >= limit) {
          return;
        }
        if (job.tenant.equals(tenant)) {
          out.add(job.deadLetter());
        }
      }
    } finally {
      lock.unlock();
    }
  }

  boolean replay(String lane, String tenant, String id) {
    lock.lock();
    try {
      MemoryLane memoryLane = lanes.get(lane);
      MemoryJob job = memoryLane == null ? null : memoryLane.dead.get(id);
      if (job == null || !job.tenant.equals(tenant)) {
        return false;
      }
      memoryLane.dead.remove(id);
      if (job.coalescingKey != null && memoryLane.byCoalescingKey.containsKey(job.coalescingKey)) {
        return true; // a newer job for the same key is already queued or running
      }
      if (job.coalescingKey != null) {
        memoryLane.byCoalescingKey.put(job.coalescingKey, job);
      }
      job.attempt = 0;
      job.error = null;
      job.enqueuedAt = clock.instant();
      schedule(memoryLane, job, 0, false);
      return true;
    } finally {
      lock.unlock();
    }
  }

  LaneStats stats(String lane) {
    lock.lock();
    try {
      MemoryLane memoryLane = lanes.get(lane);
      if (memoryLane == null) {
        return LaneStats.EMPTY;
      }
      MemoryJob oldest = memoryLane.ready.peekFirst();
      Duration wait = oldest == null ? Duration.ZERO : Duration.between(oldest.enqueuedAt, clock.instant());
      return new LaneStats(memoryLane.depth(), memoryLane.running, wait.isNegative() ? Duration.ZERO : wait);
    } finally {
      lock.unlock();
    }
  }

  DepthReport depthReport(int topN) {
    lock.lock();
    try {
      long total = 0;
      List<LaneDepth> all = new ArrayList<>();
      for (Map.Entry<String, MemoryLane> entry : lanes.entrySet()) {
        long depth = entry.getValue().depth();
        total += depth;
        if (depth > 0) {
          all.add(new LaneDepth(entry.getKey(), depth));
        }
      }
      all.sort(Comparator.comparingLong(LaneDepth::depth).reversed());
      return new DepthReport(total, List.copyOf(all.subList(0, Math.min(topN, all.size()))));
    } finally {
      lock.unlock();
    }
  }

  int recoverExpired() {
    lock.lock();
    try {
      long now = clock.millis();
      List<MemoryJob> expired = new ArrayList<>();
      for (MemoryJob job : inflight.values()) {
        if (job.deadlineMillis <= now) {
          expired.add(job);
        }
      }
      for (MemoryJob job : expired) {
        inflight.remove(job.id);
        MemoryLane lane = lanes.get(job.lane);
        lane.running--;
        job.token = null;
        if (job.runAgain) {
          job.payload = job.nextPayload;
          job.runAgain = false;
          job.nextPayload = null;
        }
        schedule(lane, job, 0, true);
      }
      if (!expired.isEmpty()) {
        workAvailable.signalAll();
      }
      return expired.size();
    } finally {
      lock.unlock();
    }
  }

  void laneResumed(String lane) {
    lock.lock();
    try {
      workAvailable.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void awaitWork(Duration max) throws InterruptedException {
    lock.lock();
    try {
      long now = clock.millis();
      promoteDue(now);
      long minute = now / 60_000;
      if (drr.hasEligible(lane -> eligible(lane, minute))) {
        return;
      }
      long waitMillis = max.toMillis();
      MemoryJob next = delayed.peek();
      if (next != null) {
        waitMillis = Math.max(1, Math.min(waitMillis, next.dueMillis - now));
      }
      workAvailable.await(waitMillis, TimeUnit.MILLISECONDS);
    } finally {
      lock.unlock();
    }
  }

  private boolean eligible(String lane, long minute) {
    if (pausedLanes.contains(lane)) {
      return false;
    }
    TenantLimits caps = limits.limits(lane, kind);
    MemoryLane memoryLane = lanes.get(lane);
    return (caps.concurrency() < 0 || memoryLane.running < caps.concurrency())
        && (caps.perMinute() < 0 || memoryLane.startedIn(minute) < caps.perMinute());
  }

  private MemoryJob takeClaim(Job claimed) {
    MemoryJob job = inflight.get(claimed.id());
    if (job == null || !job.token.equals(claimed.claimToken())) {
      return null;
    }
    inflight.remove(job.id);
    lanes.get(job.lane).running--;
    job.token = null;
    return job;
  }

  private void schedule(MemoryLane lane, MemoryJob job, long dueMillis, boolean front) {
    job.state = MemoryJob.State.QUEUED;
    if (dueMillis > clock.millis()) {
      job.dueMillis = dueMillis;
      lane.delayed++;
      delayed.add(job);
      workAvailable.signal();
      return;
    }
    if (front) {
      lane.ready.addFirst(job);
    } else {
      lane.ready.addLast(job);
    }
    drr.activate(job.lane);
    workAvailable.signal();
  }

  private void promoteDue(long now) {
    MemoryJob job;
    while ((job = delayed.peek()) != null && job.dueMillis <= now) {
      delayed.poll();
      MemoryLane lane = lanes.get(job.lane);
      lane.delayed--;
      lane.ready.addLast(job);
      drr.activate(job.lane);
    }
  }
}
