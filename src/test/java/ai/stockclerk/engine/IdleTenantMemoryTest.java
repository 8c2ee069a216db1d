package ai.stockclerk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An idle tenant that has used every kind costs the in-memory engine little heap (issue floor: 50 KB). */
class IdleTenantMemoryTest {

  private static final int TENANTS = 1_000;
  private static final List<JobKind> KINDS = List.of(JobKind.WEBHOOK, JobKind.SYNC, JobKind.GUARDIAN, JobKind.ALERT);

  @Test
  void thousandIdleTenantsStayUnderFiftyKilobytesEach() {
    AtomicInteger done = new AtomicInteger();
    Engine engine = Engine.builder().build();
    KINDS.forEach(kind -> engine.register(kind, KindSettings.DEFAULT.workers(1, 2), job -> done.incrementAndGet()));
    engine.start();
    try {
      runOneJobPerKind(engine, "warmup", done);
      long before = usedHeapAfterGc();
      for (int t = 0; t < TENANTS; t++) {
        runOneJobPerKind(engine, "tenant-" + t, null);
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> done.get() == KINDS.size() * (TENANTS + 1));
      long perTenant = (usedHeapAfterGc() - before) / TENANTS;
      System.out.println("idle tenant heap bytes: " + perTenant);
      assertThat(perTenant).isLessThan(50 * 1024);
      assertThat(engine.stats("tenant-7", JobKind.SYNC)).isEqualTo(LaneStats.EMPTY);
    } finally {
      engine.close();
    }
  }

  private static void runOneJobPerKind(Engine engine, String tenant, AtomicInteger waitFor) {
    List<JobRequest> requests = new ArrayList<>();
    KINDS.forEach(kind -> requests.add(JobRequest.of(tenant, kind, "x").coalescedBy("k")));
    requests.forEach(engine::enqueue);
    if (waitFor != null) {
      await().atMost(Duration.ofSeconds(10)).until(() -> waitFor.get() >= KINDS.size());
    }
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
