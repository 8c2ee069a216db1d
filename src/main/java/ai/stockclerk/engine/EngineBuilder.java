package ai.stockclerk.engine;

import ai.stockclerk.engine.queue.memory.InMemoryJobQueue;
import ai.stockclerk.engine.workers.WorkerPool;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Assembles an {@link Engine}; every knob has a named default. */
public final class EngineBuilder {

  public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(1);
  public static final Duration DEFAULT_SCALE_INTERVAL = Duration.ofMillis(500);
  public static final Duration DEFAULT_METRICS_INTERVAL = Duration.ofSeconds(10);
  public static final Duration DEFAULT_SHUTDOWN_DEADLINE = Duration.ofSeconds(30);
  public static final int DEFAULT_TOP_TENANTS = 10;

  private Clock clock = Clock.systemUTC();
  private Rollout rollout = Rollout.ALL_PER_TENANT;
  private LimitsPolicy limits = LimitsPolicy.UNLIMITED;
  private QueueFactory queueFactory = InMemoryJobQueue::new;
  private JobQueue sharedQueue;
  private MeterRegistry meterRegistry = new CompositeMeterRegistry();
  private String nodeName = "node-" + UUID.randomUUID().toString().substring(0, 8);
  private Duration sweepInterval = DEFAULT_SWEEP_INTERVAL;
  private Duration scaleInterval = DEFAULT_SCALE_INTERVAL;
  private Duration metricsInterval = DEFAULT_METRICS_INTERVAL;
  private Duration shutdownDeadline = DEFAULT_SHUTDOWN_DEADLINE;
  private Duration idleWait = WorkerPool.DEFAULT_IDLE_WAIT;
  private int topTenants = DEFAULT_TOP_TENANTS;
  private KindSettings defaultKindSettings = KindSettings.DEFAULT;
  private final Map<JobKind, KindSettings> kindSettings = new HashMap<>();

  EngineBuilder() {}

  public EngineBuilder clock(Clock value) {
    clock = Objects.requireNonNull(value);
    return this;
  }

  public EngineBuilder rollout(Rollout value) {
    rollout = Objects.requireNonNull(value);
    return this;
  }

  public EngineBuilder isolation(IsolationMode mode) {
    return rollout(Rollout.of(mode));
  }

  public EngineBuilder limits(LimitsPolicy value) {
    limits = Objects.requireNonNull(value);
    return this;
  }

  /** Builds the queue adapter; the engine closes it on close. */
  public EngineBuilder queue(QueueFactory factory) {
    queueFactory = Objects.requireNonNull(factory);
    sharedQueue = null;
    return this;
  }

  /** Uses a queue shared with other engines (nodes); the engine does not close it. */
  public EngineBuilder sharedQueue(JobQueue queue) {
    sharedQueue = Objects.requireNonNull(queue);
    return this;
  }

  public EngineBuilder meterRegistry(MeterRegistry value) {
    meterRegistry = Objects.requireNonNull(value);
    return this;
  }

  public EngineBuilder nodeName(String value) {
    nodeName = Objects.requireNonNull(value);
    return this;
  }

  public EngineBuilder sweepInterval(Duration value) {
    sweepInterval = positive(value, "sweepInterval");
    return this;
  }

  public EngineBuilder scaleInterval(Duration value) {
    scaleInterval = positive(value, "scaleInterval");
    return this;
  }

  public EngineBuilder metricsInterval(Duration value) {
    metricsInterval = positive(value, "metricsInterval");
    return this;
  }

  public EngineBuilder shutdownDeadline(Duration value) {
    shutdownDeadline = Objects.requireNonNull(value);
    return this;
  }

  public EngineBuilder idleWait(Duration value) {
    idleWait = positive(value, "idleWait");
    return this;
  }

  public EngineBuilder topTenants(int value) {
    topTenants = value;
    return this;
  }

  public EngineBuilder defaultKindSettings(KindSettings value) {
    defaultKindSettings = Objects.requireNonNull(value);
    return this;
  }

  public EngineBuilder kindSettings(JobKind kind, KindSettings value) {
    kindSettings.put(kind, Objects.requireNonNull(value));
    return this;
  }

  public Engine build() {
    JobQueue queue = sharedQueue != null ? sharedQueue : queueFactory.create(clock, rollout, limits);
    return new Engine(this, queue);
  }

  Clock clock() {
    return clock;
  }

  Rollout rollout() {
    return rollout;
  }

  MeterRegistry meterRegistry() {
    return meterRegistry;
  }

  String nodeName() {
    return nodeName;
  }

  Duration sweepInterval() {
    return sweepInterval;
  }

  Duration scaleInterval() {
    return scaleInterval;
  }

  Duration metricsInterval() {
    return metricsInterval;
  }

  Duration shutdownDeadline() {
    return shutdownDeadline;
  }

  Duration idleWait() {
    return idleWait;
  }

  int topTenants() {
    return topTenants;
  }

  boolean ownsQueue() {
    return sharedQueue == null;
  }

  KindSettings kindSettings(JobKind kind) {
    return kindSettings.getOrDefault(kind, defaultKindSettings);
  }

  private static Duration positive(Duration value, String name) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return value;
  }
}
