package ai.stockclerk.agents.guardian;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.testing.MutableClock;
import ai.stockclerk.engine.lease.memory.InMemoryLeaseManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The schedule spreads tenants over the interval, and two nodes queue each slot once. */
class GuardianSchedulerTest {

  private static final Duration INTERVAL = Duration.ofMinutes(15);
  private static final Duration TICK = Duration.ofSeconds(5);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
  private final List<UUID> tenants = IntStream.range(0, 300).mapToObj(i -> UUID.randomUUID()).toList();

  @Test
  void offsetsAreStableAndSpreadEvenlyOverTheInterval() {
    GuardianSchedule schedule = new GuardianSchedule(INTERVAL);
    int[] perMinute = new int[15];
    for (UUID tenant : tenants) {
      long offset = schedule.offsetMillis(tenant);
      assertThat(offset).isBetween(0L, INTERVAL.toMillis() - 1);
      assertThat(new GuardianSchedule(INTERVAL).offsetMillis(tenant)).isEqualTo(offset);
      perMinute[(int) (offset / 60_000)]++;
    }
    for (int count : perMinute) {
      assertThat(count).as("tenants starting in one minute of fifteen (mean 20)").isBetween(5, 40);
    }
  }

  @Test
  void twoNodesQueueEveryTenantOncePerIntervalAtItsOwnOffset() {
    InMemoryLeaseManager leases = new InMemoryLeaseManager(clock);
    Map<UUID, List<Instant>> queued = new ConcurrentHashMap<>();
    List<String> queuedBy = new CopyOnWriteArrayList<>();
    GuardianScheduler a = scheduler(leases, "node-a", queued, queuedBy);
    GuardianScheduler b = scheduler(leases, "node-b", queued, queuedBy);

    Duration elapsed = Duration.ZERO;
    while (elapsed.compareTo(INTERVAL.multipliedBy(3)) < 0) {
      a.tick();
      b.tick();
      clock.advance(TICK);
      elapsed = elapsed.plus(TICK);
    }

    assertThat(Collections.frequency(queuedBy, "node-b")).as("only the lease holder queues").isZero();
    GuardianSchedule schedule = new GuardianSchedule(INTERVAL);
    for (UUID tenant : tenants) {
      List<Instant> times = queued.getOrDefault(tenant, List.of());
      assertThat(times).as("runs of one tenant over three intervals").hasSizeBetween(2, 3);
      for (int i = 1; i < times.size(); i++) {
        assertThat(Duration.between(times.get(i - 1), times.get(i))).isEqualTo(INTERVAL);
      }
      long sinceSlot = Math.floorMod(times.get(0).toEpochMilli() - schedule.offsetMillis(tenant), INTERVAL.toMillis());
      assertThat(sinceSlot).as("queued within a tick of its slot")
          .isBetween(0L, TICK.toMillis());
    }
  }

  @Test
  void whenTheLeaderStopsTheOtherNodeTakesOverWithinAFewTicks() {
    InMemoryLeaseManager leases = new InMemoryLeaseManager(clock);
    Map<UUID, List<Instant>> queued = new HashMap<>();
    List<String> queuedBy = new ArrayList<>();
    GuardianScheduler a = scheduler(leases, "node-a", queued, queuedBy);
    GuardianScheduler b = scheduler(leases, "node-b", queued, queuedBy);
    a.tick();
    b.tick();

    for (int i = 0; i < INTERVAL.dividedBy(TICK); i++) {
      clock.advance(TICK);
      b.tick();
    }

    assertThat(queuedBy).contains("node-b");
  }

  private GuardianScheduler scheduler(InMemoryLeaseManager leases, String node, Map<UUID, List<Instant>> queued,
      List<String> queuedBy) {
    return new GuardianScheduler(new GuardianSchedule(INTERVAL), leases, () -> tenants, tenant -> {
      queued.computeIfAbsent(tenant, t -> new CopyOnWriteArrayList<>()).add(clock.instant());
      queuedBy.add(node);
    }, clock, TICK, node);
  }
}
