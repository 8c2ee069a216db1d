package ai.stockclerk.engine.queue.redis;

import ai.stockclerk.engine.DeadLetter;
import ai.stockclerk.engine.EnqueueOutcome;
import ai.stockclerk.engine.Job;
import ai.stockclerk.engine.JobKind;
import ai.stockclerk.engine.JobQueue;
import ai.stockclerk.engine.JobRequest;
import ai.stockclerk.engine.LaneDepth;
import ai.stockclerk.engine.LaneRouter;
import ai.stockclerk.engine.LaneStats;
import ai.stockclerk.engine.LimitsPolicy;
import ai.stockclerk.engine.QueueFullException;
import ai.stockclerk.engine.TenantLimits;
import ai.stockclerk.engine.redis.LuaScript;
import ai.stockclerk.engine.redis.RedisBackend;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cluster-mode job queue. Each lane is a Redis list of ready job ids, a sorted set of delayed
 * ids, a sorted set of claims scored by visibility deadline, and one hash per job; Lua scripts
 * change them atomically. A per-kind ring of lanes (scored sorted set) gives every node the same
 * round-robin order. See docs/ENGINE.md for the layout and why it is lists rather than streams.
 */
public final class RedisJobQueue implements JobQueue {

  public static final int DEFAULT_QUANTUM = 1;
  /** A claim visits at most this many lanes, so one call stays short when lanes are capped. */
  static final int MAX_LANE_VISITS = 64;
  static final Duration RING_REPAIR_INTERVAL = Duration.ofSeconds(30);
  /** Jobs per script call in bulk operations, so one call never blocks Redis for long. */
  static final int MAX_JOBS_PER_SCRIPT = 200;
  private static final List<EnqueueOutcome> OUTCOMES = List.of(EnqueueOutcome.ENQUEUED,
      EnqueueOutcome.MERGED_INTO_QUEUED, EnqueueOutcome.RERUN_AFTER_RUNNING, EnqueueOutcome.REFUSED_QUEUE_FULL);

  private static final LuaScript ENQUEUE = LuaScript.load("enqueue");
  private static final LuaScript CLAIM = LuaScript.load("claim");
  private static final LuaScript COMPLETE = LuaScript.load("complete");
  private static final LuaScript END = LuaScript.load("end");
  private static final LuaScript REPLAY = LuaScript.load("replay");
  private static final LuaScript RECOVER = LuaScript.load("recover");
  private static final LuaScript STATS = LuaScript.load("stats");
  private static final LuaScript RING = LuaScript.load("ring");

  private final RedisBackend backend;
  private final boolean ownsBackend;
  private final RedisCommands<String, String> redis;
  private final RedisAsyncCommands<String, String> async;
  private final RedisLaneKeys keys;
  private final Clock clock;
  private final LaneRouter router;
  private final LimitsPolicy limits;
  private final int quantum;
  private final String node = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
  private final AtomicLong sequence = new AtomicLong();
  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private final LocalWakeups wakeups = new LocalWakeups();
  private volatile long lastRepair;

  public RedisJobQueue(RedisBackend backend, boolean ownsBackend, Clock clock, LaneRouter router, LimitsPolicy limits, int quantum) {
    this.backend = backend;
    this.ownsBackend = ownsBackend;
    this.redis = backend.sync();
    this.async = backend.connection().async();
    this.keys = new RedisLaneKeys(backend.prefix());
    this.clock = clock;
    this.router = router;
    this.limits = limits;
    this.quantum = quantum;
  }

  @Override
  public EnqueueOutcome enqueue(JobRequest request) {
    EnqueueOutcome outcome = enqueueAll(List.of(request)).get(0);
    if (outcome == EnqueueOutcome.REFUSED_QUEUE_FULL) {
      String lane = router.laneOf(request.tenant());
      throw new QueueFullException(request.tenant(), request.kind(), limits.limits(lane, request.kind()).maxDepth());
    }
    return outcome;
  }

  @Override
  public List<EnqueueOutcome> enqueueAll(List<JobRequest> requests) {
    long now = clock.millis();
    Map<LaneKind, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      JobRequest request = requests.get(i);
      groups.computeIfAbsent(new LaneKind(router.laneOf(request.tenant()), request.kind()), k -> new ArrayList<>()).add(i);
    }
    EnqueueOutcome[] outcomes = new EnqueueOutcome[requests.size()];
    List<Runnable> awaits = new ArrayList<>();
    for (Map.Entry<LaneKind, List<Integer>> group : groups.entrySet()) {
      List<Integer> members = group.getValue();
      for (int from = 0; from < members.size(); from += MAX_JOBS_PER_SCRIPT) {
        awaits.add(sendEnqueue(group.getKey(), members.subList(from, Math.min(members.size(), from + MAX_JOBS_PER_SCRIPT)),
            requests, outcomes, now));
      }
    }
    awaits.forEach(Runnable::run);
    return List.of(outcomes);
  }

  /** Sends one lane's jobs and the lane's ring entry in one pipeline; the returned step waits for them. */
  private Runnable sendEnqueue(LaneKind target, List<Integer> members, List<JobRequest> requests, EnqueueOutcome[] outcomes, long now) {
    String lane = target.lane();
    JobKind kind = target.kind();
    register(lane, kind);
    String[] scriptKeys = {keys.ready(lane, kind), keys.delayed(lane, kind), keys.coalescing(lane, kind)};
    String[] args = new String[4 + 5 * members.size()];
    args[0] = keys.base(lane);
    args[1] = kind.name();
    args[2] = Long.toString(now);
    args[3] = Long.toString(limits.limits(lane, kind).maxDepth());
    long earliest = Long.MAX_VALUE;
    for (int j = 0; j < members.size(); j++) {
      JobRequest request = requests.get(members.get(j));
      long due = now + request.delay().toMillis();
      earliest = Math.min(earliest, due);
      int at = 4 + 5 * j;
      args[at] = node + Long.toString(sequence.incrementAndGet(), 36);
      args[at + 1] = request.tenant();
      args[at + 2] = request.payload();
      args[at + 3] = Long.toString(due);
      args[at + 4] = request.coalescingKey() == null ? "" : request.coalescingKey();
    }
    RedisFuture<List<Object>> queued = ENQUEUE.runAsync(redis, async, ScriptOutputType.MULTI, scriptKeys, args);
    // Pipelined right behind the jobs: one round trip. When every job was merged or refused the lane
    // is in the ring anyway, or a visit finds it empty and drops it.
    String[] ringArgs = new LaneTurn(lane, earliest > now ? earliest : 0, -1, "-1", 0).args(now, false);
    RedisFuture<List<Object>> ringed = RING.runAsync(redis, async, ScriptOutputType.MULTI, keys.ring(kind), ringArgs);
    return () -> {
      List<Object> result = ENQUEUE.await(queued, redis, ScriptOutputType.MULTI, scriptKeys, args);
      RING.await(ringed, redis, ScriptOutputType.MULTI, keys.ring(kind), ringArgs);
      boolean added = false;
      for (int j = 0; j < members.size(); j++) {
        int code = (int) (long) (Long) result.get(2 * j);
        EnqueueOutcome outcome = code < 0 ? EnqueueOutcome.REFUSED_QUEUE_FULL : OUTCOMES.get(code);
        added |= outcome == EnqueueOutcome.ENQUEUED;
        outcomes[members.get(j)] = outcome;
      }
      if (added) {
        wakeups.signal(kind);
      }
    };
  }

  @Override
  public List<Job> claim(JobKind kind, int max, Duration visibility) {
    long now = clock.millis();
    long deadline = now + visibility.toMillis();
    String[] ring = keys.ring(kind);
    List<Job> out = new ArrayList<>();
    LaneTurn back = LaneTurn.NONE;
    for (int visits = 0; ; visits++) {
      boolean pop = out.size() < max && visits < MAX_LANE_VISITS;
      if (!pop && back == LaneTurn.NONE) {
        break;
      }
      List<Object> popped = RING.run(redis, ScriptOutputType.MULTI, ring, back.args(now, pop));
      if (!pop || popped.isEmpty()) {
        break;
      }
      String lane = (String) popped.get(0);
      TenantLimits caps = limits.limits(lane, kind);
      long credit = (Long) popped.get(2);
      int turn = credit > 0 ? (int) credit : quantum * caps.weight();
      int quota = Math.min(max - out.size(), turn);
      List<Object> result = CLAIM.run(redis, ScriptOutputType.MULTI,
          new String[] {keys.ready(lane, kind), keys.delayed(lane, kind), keys.inflight(lane, kind), keys.paused(lane), keys.rate(lane, kind)},
          keys.base(lane), Long.toString(now), Integer.toString(quota), Long.toString(deadline),
          node + Long.toString(sequence.incrementAndGet(), 36), Integer.toString(caps.concurrency()), Integer.toString(caps.perMinute()));
      long score = (Long) result.get(0);
      int taken = (int) (long) (Long) result.get(1);
      for (int i = 0; i < taken; i++) {
        out.add(job(lane, kind, result, 2 + i * 7));
      }
      back = new LaneTurn(lane, score < 0 ? -1 : score <= now ? 0 : score, taken > 0 ? deadline : -1,
          (String) popped.get(1), turn - taken);
    }
    return out;
  }

  @Override
  public boolean complete(Job job) {
    return completeAll(List.of(job)).get(0);
  }

  @Override
  public List<Boolean> completeAll(List<Job> jobs) {
    Map<LaneKind, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < jobs.size(); i++) {
      groups.computeIfAbsent(new LaneKind(jobs.get(i).lane(), jobs.get(i).kind()), k -> new ArrayList<>()).add(i);
    }
    Boolean[] done = new Boolean[jobs.size()];
    List<Runnable> awaits = new ArrayList<>();
    for (Map.Entry<LaneKind, List<Integer>> group : groups.entrySet()) {
      awaits.add(sendComplete(group.getKey(), group.getValue(), jobs, done));
    }
    awaits.forEach(Runnable::run);
    return List.of(done);
  }

  private Runnable sendComplete(LaneKind target, List<Integer> members, List<Job> jobs, Boolean[] done) {
    String lane = target.lane();
    JobKind kind = target.kind();
    String[] scriptKeys = {keys.inflight(lane, kind), keys.coalescing(lane, kind), keys.ready(lane, kind),
        keys.delayed(lane, kind)};
    String[] args = new String[3 + 2 * members.size()];
    args[0] = keys.base(lane);
    args[1] = Long.toString(clock.millis());
    args[2] = Integer.toString(limits.limits(lane, kind).concurrency());
    for (int j = 0; j < members.size(); j++) {
      Job job = jobs.get(members.get(j));
      args[3 + 2 * j] = job.id();
      args[4 + 2 * j] = job.claimToken();
    }
    RedisFuture<List<Object>> sent = COMPLETE.runAsync(redis, async, ScriptOutputType.MULTI, scriptKeys, args);
    return () -> {
      List<Object> result = COMPLETE.await(sent, redis, ScriptOutputType.MULTI, scriptKeys, args);
      for (int j = 0; j < members.size(); j++) {
        done[members.get(j)] = (Long) result.get(1 + j) >= 0;
      }
      long ring = (Long) result.get(0);
      if (ring == 1) {
        putBack(kind, lane, 0, -1);
        wakeups.signal(kind);
      } else if (ring > 1) {
        putBack(kind, lane, ring, -1);
      }
    };
  }

  @Override
  public boolean retry(Job job, Instant at, String error) {
    return end(job, "retry", at, error);
  }

  @Override
  public boolean release(Job job, Instant at) {
    return end(job, "release", at, "");
  }

  @Override
  public boolean deadLetter(Job job, String error) {
    return end(job, "dead", clock.instant(), error);
  }

  private boolean end(Job job, String mode, Instant at, String error) {
    String lane = job.lane();
    JobKind kind = job.kind();
    long now = clock.millis();
    long score = END.run(redis, ScriptOutputType.INTEGER,
        new String[] {keys.inflight(lane, kind), keys.delayed(lane, kind), keys.ready(lane, kind), keys.coalescing(lane, kind), keys.dead(lane)},
        keys.base(lane), job.id(), job.claimToken(), Long.toString(now), mode, Long.toString(at.toEpochMilli()),
        error == null ? "" : error, Integer.toString(limits.limits(lane, kind).concurrency()));
    if (score == -2) {
      return false;
    }
    if (score >= 0) {
      putBack(kind, lane, score <= now ? 0 : score, -1);
      wakeups.signal(kind);
    }
    return true;
  }

  @Override
  public List<DeadLetter> deadLetters(String tenant, int limit) {
    List<DeadLetter> out = new ArrayList<>();
    for (String lane : lanesOf(tenant)) {
      for (String id : redis.lrange(keys.dead(lane), 0, 999)) {
        if (out.size() >= limit) {
          return out;
        }
        List<io.lettuce.core.KeyValue<String, String>> f = redis.hmget(keys.job(lane, id), "t", "k", "p", "a", "err", "e");
        if (tenant.equals(f.get(0).getValueOrElse(null))) {
          out.add(new DeadLetter(id, tenant, new JobKind(f.get(1).getValue()), f.get(2).getValueOrElse(""),
              Integer.parseInt(f.get(3).getValueOrElse("0")), f.get(4).getValueOrElse(""),
              Instant.ofEpochMilli(Long.parseLong(f.get(5).getValueOrElse("0")))));
        }
      }
    }
    return out;
  }

  @Override
  public boolean replay(String tenant, String deadLetterId) {
    for (String lane : lanesOf(tenant)) {
      String kind = REPLAY.run(redis, ScriptOutputType.VALUE, new String[] {keys.dead(lane)},
          keys.base(lane), deadLetterId, tenant, Long.toString(clock.millis()));
      if (kind != null && !kind.isEmpty()) {
        putBack(new JobKind(kind), lane, 0, -1);
        return true;
      }
    }
    return false;
  }

  @Override
  public void pause(String tenant) {
    redis.set(keys.paused(tenant), "1");
  }

  @Override
  public void resume(String tenant) {
    if (redis.del(keys.paused(tenant)) > 0) {
      for (String kind : redis.smembers(keys.kinds())) {
        putBack(new JobKind(kind), tenant, 0, -1);
      }
      wakeups.signalAll();
    }
  }

  @Override
  public boolean isPaused(String tenant) {
    return redis.exists(keys.paused(tenant)) > 0;
  }

  @Override
  public LaneStats stats(String tenant, JobKind kind) {
    String lane = router.laneOf(tenant);
    List<Long> result = STATS.run(redis, ScriptOutputType.MULTI,
        new String[] {keys.ready(lane, kind), keys.delayed(lane, kind), keys.inflight(lane, kind)}, keys.base(lane));
    long oldest = result.get(2);
    Duration wait = oldest < 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, clock.millis() - oldest));
    return new LaneStats(result.get(0), result.get(1), wait);
  }

  @Override
  public DepthReport depthReport(JobKind kind, int topN) {
    List<String> lanes = new ArrayList<>(redis.smembers(keys.lanes(kind)));
    List<RedisFuture<Long>> ready = new ArrayList<>(lanes.size());
    List<RedisFuture<Long>> delayed = new ArrayList<>(lanes.size());
    for (String lane : lanes) {
      ready.add(async.llen(keys.ready(lane, kind)));
      delayed.add(async.zcard(keys.delayed(lane, kind)));
    }
    long total = 0;
    List<LaneDepth> depths = new ArrayList<>();
    for (int i = 0; i < lanes.size(); i++) {
      long depth = await(ready.get(i)) + await(delayed.get(i));
      total += depth;
      if (depth > 0) {
        depths.add(new LaneDepth(lanes.get(i), depth));
      }
    }
    depths.sort(Comparator.comparingLong(LaneDepth::depth).reversed());
    return new DepthReport(total, List.copyOf(depths.subList(0, Math.min(topN, depths.size()))));
  }

  @Override
  public int recoverExpiredClaims() {
    long now = clock.millis();
    int recovered = 0;
    for (String name : redis.smembers(keys.kinds())) {
      JobKind kind = new JobKind(name);
      for (String lane : redis.zrangebyscore(keys.claims(kind), io.lettuce.core.Range.create(Double.NEGATIVE_INFINITY, (double) now))) {
        recovered += recover(kind, lane, now);
      }
    }
    if (now - lastRepair >= RING_REPAIR_INTERVAL.toMillis()) {
      lastRepair = now;
      repairRing();
    }
    if (recovered > 0) {
      wakeups.signalAll();
    }
    return recovered;
  }

  private int recover(JobKind kind, String lane, long now) {
    List<Long> result = RECOVER.run(redis, ScriptOutputType.MULTI,
        new String[] {keys.inflight(lane, kind), keys.ready(lane, kind)}, keys.base(lane), Long.toString(now));
    long count = result.get(0);
    long next = result.get(1);
    // A claim taken meanwhile may have set an earlier deadline; at worst it is looked at one interval late.
    redis.zadd(keys.claims(kind), ZAddArgs.Builder.xx(), next >= 0 ? next : now + RING_REPAIR_INTERVAL.toMillis(), lane);
    if (count > 0) {
      putBack(kind, lane, 0, -1);
    }
    return (int) count;
  }

  /** A node that died between taking a lane off the ring and putting it back leaves it off: find such lanes. */
  private void repairRing() {
    for (String name : redis.smembers(keys.kinds())) {
      JobKind kind = new JobKind(name);
      for (String lane : redis.smembers(keys.lanes(kind))) {
        if (redis.llen(keys.ready(lane, kind)) > 0 || redis.zcard(keys.delayed(lane, kind)) > 0) {
          putBack(kind, lane, 0, -1);
        }
      }
    }
  }

  @Override
  public void awaitWork(JobKind kind, Duration max) throws InterruptedException {
    wakeups.await(kind, max);
  }

  @Override
  public void close() {
    if (ownsBackend) {
      backend.close();
    }
  }

  private void putBack(JobKind kind, String lane, long when, long claimDeadline) {
    RING.run(redis, ScriptOutputType.MULTI, keys.ring(kind),
        new LaneTurn(lane, when, claimDeadline, "-1", 0).args(clock.millis(), false));
  }

  private record LaneKind(String lane, JobKind kind) {}

  /** A lane going back on the ring after its visit: when it is next due and what is left of its turn. */
  private record LaneTurn(String lane, long when, long claimDeadline, String place, int creditLeft) {
    static final LaneTurn NONE = new LaneTurn("", -1, -1, "-1", 0);

    String[] args(long now, boolean pop) {
      return new String[] {Long.toString(now), lane, Long.toString(when), Long.toString(claimDeadline),
          pop ? "1" : "0", place, Integer.toString(creditLeft)};
    }
  }

  private void register(String lane, JobKind kind) {
    if (registered.add(kind.name() + '/' + lane)) {
      redis.sadd(keys.lanes(kind), lane);
      if (registered.add(kind.name())) {
        redis.sadd(keys.kinds(), kind.name());
      }
    }
  }

  private Set<String> lanesOf(String tenant) {
    Set<String> lanes = new LinkedHashSet<>();
    lanes.add(router.laneOf(tenant));
    lanes.add(tenant);
    lanes.add(LaneRouter.SHARED_LANE);
    return lanes;
  }

  private static Job job(String lane, JobKind kind, List<Object> result, int at) {
    String coalescingKey = (String) result.get(at + 5);
    return new Job((String) result.get(at), (String) result.get(at + 1), lane, kind, (String) result.get(at + 2),
        (int) (long) (Long) result.get(at + 3), Instant.ofEpochMilli(Long.parseLong((String) result.get(at + 4))),
        coalescingKey == null || coalescingKey.isEmpty() ? null : coalescingKey, (String) result.get(at + 6));
  }

  private static long await(RedisFuture<Long> future) {
    try {
      Long value = future.get();
      return value == null ? 0 : value;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading queue depth", interrupted);
    } catch (ExecutionException failure) {
      throw new IllegalStateException("could not read queue depth", failure.getCause());
    }
  }
}
