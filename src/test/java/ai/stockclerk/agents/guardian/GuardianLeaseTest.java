package ai.stockclerk.agents.guardian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.stockclerk.agents.ChannelConnections;
import ai.stockclerk.agents.sync.SyncTrigger;
import ai.stockclerk.channels.ChannelRegistry;
import ai.stockclerk.engine.Engine;
import ai.stockclerk.engine.JobKind;
import ai.stockclerk.engine.JobRequest;
import ai.stockclerk.engine.LaneRouter;
import ai.stockclerk.engine.LimitsPolicy;
import ai.stockclerk.engine.lease.memory.InMemoryLeaseManager;
import ai.stockclerk.engine.queue.memory.InMemoryJobQueue;
import ai.stockclerk.store.ChannelStore;
import ai.stockclerk.store.GuardianRunStore;
import ai.stockclerk.store.ProductStore;
import ai.stockclerk.store.ReconcileStore;
import ai.stockclerk.store.Tenancy;
import ai.stockclerk.store.TenantStore;
import ai.stockclerk.testing.ServiceTest;
import ai.stockclerk.testing.TestApi;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two nodes (two engines sharing one queue, two Guardians sharing one lease port) each get a run
 * of the same tenant at the same moment: the one that finds the tenant's lease held skips.
 */
class GuardianLeaseTest extends ServiceTest {

  @Autowired Tenancy tenancy;
  @Autowired TenantStore tenants;
  @Autowired ChannelStore channels;
  @Autowired ProductStore products;
  @Autowired GuardianRunStore runs;
  @Autowired ReconcileStore reconcile;
  @Autowired ChannelConnections connections;
  @Autowired ChannelRegistry registry;
  @Autowired SyncTrigger sync;
  @Autowired DriftReporting reporting;

  private GuardianFixture fixture;
  private final List<Engine> engines = new java.util.ArrayList<>();

  @AfterEach
  void close() {
    engines.forEach(Engine::close);
    fixture.close();
  }

  @Test
  void aRunUnderAHeldLeaseDoesNotStartTwice() {
    fixture = new GuardianFixture(new TestApi(http()), port, "Two-node bakery");
    fixture.product(1, 10, 2);
    fixture.awaitInStep(3);
    long before = recordedRuns();
    fixture.shop.latency(Duration.ofMillis(600));

    InMemoryLeaseManager leases = new InMemoryLeaseManager(Clock.systemUTC());
    InMemoryJobQueue queue = new InMemoryJobQueue(Clock.systemUTC(), LaneRouter.PER_TENANT, LimitsPolicy.UNLIMITED);
    SimpleMeterRegistry metersA = new SimpleMeterRegistry();
    SimpleMeterRegistry metersB = new SimpleMeterRegistry();
    AtomicInteger handled = new AtomicInteger();
    node("a", queue, guardian("a", leases, metersA), handled);
    node("b", queue, guardian("b", leases, metersB), handled);

    String tenant = fixture.tenant.tenantId().toString();
    engines.get(0).enqueue(JobRequest.of(tenant, JobKind.GUARDIAN, "first"));
    engines.get(1).enqueue(JobRequest.of(tenant, JobKind.GUARDIAN, "second"));

    await().atMost(Duration.ofSeconds(20)).until(() -> handled.get() == 2);
    double skipped = metersA.counter("stockclerk.guardian.runs.skipped").count()
        + metersB.counter("stockclerk.guardian.runs.skipped").count();
    assertThat(skipped).isEqualTo(1.0);
    assertThat(recordedRuns() - before).isEqualTo(1);
    fixture.shop.latency(Duration.ZERO);
  }

  private long recordedRuns() {
    return tenancy.inTenant(fixture.tenant.tenantId(),
        () -> runs.list(new ai.stockclerk.store.PageRequest(0, 1)).total());
  }

  private Guardian guardian(String node, InMemoryLeaseManager leases, SimpleMeterRegistry meters) {
    GuardianProperties properties = GuardianProperties.defaults();
    ChannelCheck check = new ChannelCheck(tenancy, reconcile, connections, registry, sync, reporting, properties);
    return new Guardian(tenancy, tenants, channels, products, runs, check, leases, new GuardianMetrics(meters), null,
        Clock.systemUTC(), Duration.ofMinutes(1), node, properties.channelChecks());
  }

  private void node(String name, InMemoryJobQueue queue, Guardian guardian, AtomicInteger handled) {
    Engine engine = Engine.builder().nodeName(name).sharedQueue(queue).shutdownDeadline(Duration.ofSeconds(5)).build()
        .register(JobKind.GUARDIAN, GuardianConfiguration.kindSettings(GuardianProperties.defaults()).workers(1, 1),
            job -> {
              try {
                guardian.reconcileIfFree(java.util.UUID.fromString(job.tenant()));
              } finally {
                handled.incrementAndGet();
              }
            })
        .start();
    engines.add(engine);
  }
}
