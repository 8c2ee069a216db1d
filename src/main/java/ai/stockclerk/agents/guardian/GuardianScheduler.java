package ai.stockclerk.agents.guardian;

import ai.stockclerk.engine.Lease;
import ai.stockclerk.engine.LeaseManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Decides which tenants' runs are due. Every node ticks; only the holder of the scheduler lease
 * queues runs, so each tenant's slot is queued once cluster-wide (and the run itself takes the
 * tenant's lease, so even a slot queued twice during a hand-over runs once at a time).
 *
 * <p>A tenant seen for the first time (a new tenant, or a node that just became leader) is queued
 * only if its slot passed within the last tick: a restart does not start every tenant at once.
 */
final class GuardianScheduler {

  static final String LEASE = "guardian:scheduler";

  private final GuardianSchedule schedule;
  private final LeaseManager leases;
  private final Supplier<List<UUID>> runningTenants;
  private final Consumer<UUID> enqueue;
  private final Clock clock;
  private final Duration tick;
  private final String node;
  private final Map<UUID, Instant> lastQueued = new HashMap<>();
  private Lease leadership;

  GuardianScheduler(GuardianSchedule schedule, LeaseManager leases, Supplier<List<UUID>> runningTenants,
      Consumer<UUID> enqueue, Clock clock, Duration tick, String node) {
    this.schedule = schedule;
    this.leases = leases;
    this.runningTenants = runningTenants;
    this.enqueue = enqueue;
    this.clock = clock;
    this.tick = tick;
    this.node = node;
  }

  /** One tick: returns the tenants whose runs were queued. */
  synchronized List<UUID> tick() {
    if (!lead()) {
      lastQueued.clear();
      return List.of();
    }
    Instant now = clock.instant();
    List<UUID> due = new ArrayList<>();
    for (UUID tenant : runningTenants.get()) {
      Instant slot = schedule.latestSlot(tenant, now);
      Instant previous = lastQueued.put(tenant, slot);
      boolean firstSight = previous == null;
      if (firstSight ? slot.isAfter(now.minus(tick)) : slot.isAfter(previous)) {
        enqueue.accept(tenant);
        due.add(tenant);
      }
    }
    return due;
  }

  /** Takes or keeps the scheduler lease; its TTL spans a few ticks, so a dead leader is replaced quickly. */
  private boolean lead() {
    Duration ttl = tick.multipliedBy(3);
    if (leadership != null) {
      leadership = leases.renew(leadership, ttl).orElse(null);
    }
    if (leadership == null) {
      leadership = leases.tryAcquire(LEASE, node, ttl).orElse(null);
    }
    return leadership != null;
  }

  synchronized void resign() {
    if (leadership != null) {
      leases.release(leadership);
      leadership = null;
    }
    lastQueued.clear();
  }
}
