package ai.stockclerk.engine;

import ai.stockclerk.engine.workers.WorkerPool;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job engine on one node: handlers registered per kind, a worker pool per kind, and the
 * housekeeping that recovers expired claims, scales pools, enforces handler timeouts and refreshes
 * metrics. Build it with {@link EngineBuilder}; several engines may share one queue backend.
 */
public final class Engine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  private final EngineBuilder config;
  private final JobQueue queue;
  private final EngineMetrics metrics;
  private final TenantFailures failures = new TenantFailures();
  private final Map<JobKind, WorkerPool> pools = new ConcurrentHashMap<>();
  private ScheduledExecutorService housekeeping;
  private volatile boolean started;
  private volatile boolean closed;

  Engine(EngineBuilder config, JobQueue queue) {
    this.config = config;
    this.queue = queue;
    this.metrics = new EngineMetrics(config.meterRegistry());
  }

  public static EngineBuilder builder() {
    return new EngineBuilder();
  }

  /** Registers the handler of a kind with default settings. */
  public Engine register(JobKind kind, JobHandler handler) {
    return register(kind, config.kindSettings(kind), handler);
  }

  public synchronized Engine register(JobKind kind, KindSettings settings, JobHandler handler) {
    if (pools.containsKey(kind)) {
      throw new IllegalStateException("a handler for kind " + kind + " is already registered");
    }
    JobExecution execution = new JobExecution(queue, handler, settings, config.clock(), metrics, failures);
    WorkerPool pool = new WorkerPool(kind, settings, queue, execution, config.clock(), config.nodeName(), config.idleWait());
    pools.put(kind, pool);
    metrics.pool(pool);
    if (started) {
      pool.start();
    }
    return this;
  }

  public EnqueueOutcome enqueue(JobRequest request) throws QueueFullException {
    if (closed) {
      throw new IllegalStateException("engine is closed");
    }
    return queue.enqueue(request);
  }

  /** Queues many jobs at once; a full lane refuses its jobs with {@link EnqueueOutcome#REFUSED_QUEUE_FULL}. */
  public List<EnqueueOutcome> enqueueAll(List<JobRequest> requests) {
    if (closed) {
      throw new IllegalStateException("engine is closed");
    }
    return queue.enqueueAll(requests);
  }

  public synchronized Engine start() {
    if (started) {
      return this;
    }
    started = true;
    housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "engine-" + config.nodeName() + "-housekeeping");
      thread.setDaemon(true);
      return thread;
    });
    pools.values().forEach(WorkerPool::start);
    every(config.sweepInterval(), queue::recoverExpiredClaims);
    every(config.scaleInterval(), () -> pools.values().forEach(WorkerPool::scale));
    every(Duration.ofMillis(50), () -> pools.values().forEach(WorkerPool::checkTimeouts));
    every(config.metricsInterval(), this::refreshDepthMetrics);
    LOG.info("engine {} started: kinds={}, sweep={}, shutdownDeadline={}",
        config.nodeName(), pools.keySet(), config.sweepInterval(), config.shutdownDeadline());
    return this;
  }

  /** Stops claiming, lets running jobs finish until the deadline, and gives the rest back. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (housekeeping != null) {
      housekeeping.shutdownNow();
    }
    List<Thread> stoppers = new ArrayList<>();
    for (WorkerPool pool : pools.values()) {
      Thread stopper = new Thread(() -> shutdown(pool), "engine-stop-" + pool.name());
      stopper.start();
      stoppers.add(stopper);
    }
    for (Thread stopper : stoppers) {
      try {
        stopper.join(config.shutdownDeadline().toMillis() + 1_000);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    if (config.ownsQueue()) {
      queue.close();
    }
    LOG.info("engine {} stopped", config.nodeName());
  }

  public void pause(String tenant) {
    queue.pause(tenant);
  }

  public void resume(String tenant) {
    queue.resume(tenant);
  }

  public boolean isPaused(String tenant) {
    return queue.isPaused(tenant);
  }

  public List<DeadLetter> deadLetters(String tenant, int limit) {
    return queue.deadLetters(tenant, limit);
  }

  public boolean replay(String tenant, String deadLetterId) {
    return queue.replay(tenant, deadLetterId);
  }

  public LaneStats stats(String tenant, JobKind kind) {
    return queue.stats(tenant, kind);
  }

  public JobQueue.DepthReport depthReport(JobKind kind) {
    return queue.depthReport(kind, config.topTenants());
  }

  public IsolationMode modeOf(String tenant) {
    return config.rollout().modeOf(tenant);
  }

  /** Live workers per kind on this node. */
  public Map<JobKind, Integer> workers() {
    Map<JobKind, Integer> out = new ConcurrentHashMap<>();
    pools.forEach((kind, pool) -> out.put(kind, pool.liveWorkers()));
    return out;
  }

  public boolean isRunning() {
    return started && !closed;
  }

  private void shutdown(WorkerPool pool) {
    try {
      pool.shutdown(config.shutdownDeadline());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void refreshDepthMetrics() {
    pools.keySet().forEach(kind -> metrics.depth(kind, queue.depthReport(kind, config.topTenants())));
  }

  private void every(Duration interval, Runnable task) {
    long millis = Math.max(1, interval.toMillis());
    housekeeping.scheduleWithFixedDelay(() -> {
      try {
        task.run();
      } catch (RuntimeException failure) {
        LOG.error("engine housekeeping task failed; it runs again in {} ms", millis, failure);
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
  }
}
