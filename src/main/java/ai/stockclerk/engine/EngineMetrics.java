package ai.stockclerk.engine;

import ai.stockclerk.engine.workers.WorkerPool;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's meters. Tags stay low-cardinality: kind and pool everywhere, tenant only on the
 * top-N depth gauge, whose rows are replaced on every refresh.
 */
final class EngineMetrics {

  private final MeterRegistry registry;
  private final Map<JobKind, KindMeters> kinds = new ConcurrentHashMap<>();
  private final Map<String, Timer> runTimers = new ConcurrentHashMap<>();

  EngineMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void pool(WorkerPool pool) {
    Gauge.builder("stockclerk.engine.pool.utilisation", pool, WorkerPool::utilisation)
        .tags("pool", pool.name(), "kind", pool.kind().name()).register(registry);
    Gauge.builder("stockclerk.engine.pool.workers", pool, WorkerPool::liveWorkers)
        .tags("pool", pool.name(), "kind", pool.kind().name()).register(registry);
  }

  void started(JobKind kind, Duration waited) {
    meters(kind).waited.record(waited.isNegative() ? Duration.ZERO : waited);
  }

  void finished(JobKind kind, String outcome, long nanos) {
    runTimers.computeIfAbsent(kind.name() + '/' + outcome, key -> Timer.builder("stockclerk.engine.jobs.run")
        .tags("kind", kind.name(), "outcome", outcome).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
  }

  void deadLettered(JobKind kind) {
    meters(kind).dead.increment();
  }

  void depth(JobKind kind, JobQueue.DepthReport report) {
    KindMeters meters = meters(kind);
    meters.depth.set(report.totalDepth());
    meters.topTenants.register(report.deepest().stream()
        .map(lane -> MultiGauge.Row.of(Tags.of("tenant", lane.lane()), lane.depth()))
        .toList(), true);
  }

  private KindMeters meters(JobKind kind) {
    return kinds.computeIfAbsent(kind, this::create);
  }

  private KindMeters create(JobKind kind) {
    AtomicLong depth = new AtomicLong();
    Gauge.builder("stockclerk.engine.queue.depth", depth, AtomicLong::get).tag("kind", kind.name()).register(registry);
    return new KindMeters(
        Timer.builder("stockclerk.engine.jobs.wait").tag("kind", kind.name()).register(registry),
        Counter.builder("stockclerk.engine.jobs.dead").tag("kind", kind.name()).register(registry),
        depth,
        MultiGauge.builder("stockclerk.engine.tenant.depth").tag("kind", kind.name())
            .description("queue depth of the deepest tenants (top N only)").register(registry));
  }

  private record KindMeters(Timer waited, Counter dead, AtomicLong depth, MultiGauge topTenants) {}

  static List<String> meterNames() {
    return List.of("stockclerk.engine.queue.depth", "stockclerk.engine.jobs.wait", "stockclerk.engine.jobs.run",
        "stockclerk.engine.jobs.dead", "stockclerk.engine.pool.utilisation", "stockclerk.engine.tenant.depth");
  }
}
