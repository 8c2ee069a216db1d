package ai.stockclerk.agents.guardian;

import ai.stockclerk.agents.ChannelConnections;
import ai.stockclerk.agents.alert.Alerts;
import ai.stockclerk.agents.alert.TenantEventBus;
import ai.stockclerk.agents.events.TenantEvents;
import ai.stockclerk.agents.sync.SyncTrigger;
import ai.stockclerk.channels.ChannelRegistry;
import ai.stockclerk.engine.Engine;
import ai.stockclerk.engine.JobKind;
import ai.stockclerk.engine.JobRequest;
import ai.stockclerk.engine.KindSettings;
import ai.stockclerk.engine.LeaseManager;
import ai.stockclerk.engine.QueueFullException;
import ai.stockclerk.engine.RetryPolicy;
import ai.stockclerk.engine.lease.memory.InMemoryLeaseManager;
import ai.stockclerk.store.ChannelItemStore;
import ai.stockclerk.store.ChannelStore;
import ai.stockclerk.store.GuardianRunStore;
import ai.stockclerk.store.ProductStore;
import ai.stockclerk.store.PushStateStore;
import ai.stockclerk.store.ReconcileStore;
import ai.stockclerk.store.StockLedger;
import ai.stockclerk.store.Tenancy;
import ai.stockclerk.store.TenantStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the Guardian agent: its runs go through the engine's guardian job kind (coalesced per
 * tenant), its leases through the engine's lease port. Until the engine publishes a lease bean, a
 * node-local in-memory lease manager is used, which is exact for one node.
 */
@Configuration(proxyBeanMethods = false)
class GuardianConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(GuardianConfiguration.class);
  static final RetryPolicy GUARDIAN_RETRY = new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofMinutes(1));

  @Bean
  GuardianParts guardianParts(ObjectProvider<LeaseManager> leases, ObjectProvider<Clock> clock,
      ObjectProvider<MeterRegistry> meters) {
    Clock time = clock.getIfAvailable(Clock::systemUTC);
    return new GuardianParts(leases.getIfAvailable(() -> new InMemoryLeaseManager(time)), time,
        new GuardianMetrics(meters.getIfAvailable()), "guardian-" + UUID.randomUUID());
  }

  @Bean
  DriftReporting driftReporting(Alerts alerts, TenantEventBus events) {
    return new DriftReporting(alerts, events);
  }

  @Bean
  Guardian guardian(GuardianParts parts, Tenancy tenancy, TenantStore tenants, ChannelStore channels,
      ProductStore products, GuardianRunStore runs, ReconcileStore reconcile, ChannelConnections connections,
      ChannelRegistry registry, SyncTrigger sync, DriftReporting reporting, ObjectProvider<TenantEvents> events,
      GuardianProperties properties) {
    ChannelCheck check = new ChannelCheck(tenancy, reconcile, connections, registry, sync, reporting, properties);
    return new Guardian(tenancy, tenants, channels, products, runs, check, parts.leases(), parts.metrics(),
        events.getIfAvailable(), parts.clock(), properties.runTimeout(), parts.node(), properties.channelChecks());
  }

  @Bean
  DriftActions driftActions(Tenancy tenancy, ChannelItemStore items, ChannelStore channels, ProductStore products,
      StockLedger ledger, ReconcileStore reconcile, PushStateStore pushStates, ChannelConnections connections,
      ChannelRegistry registry, SyncTrigger sync, DriftReporting reporting) {
    return new DriftActions(tenancy, items, channels, products, ledger, reconcile, pushStates, connections, registry,
        sync, reporting);
  }

  @Bean
  GuardianLoop guardianLoop(Engine engine, Guardian guardian, GuardianParts parts, TenantStore tenants,
      GuardianProperties properties) {
    GuardianScheduler scheduler = new GuardianScheduler(new GuardianSchedule(properties.interval()), parts.leases(),
        () -> tenants.tenantIdsWithStatus(List.copyOf(Guardian.RUNNING_STATUSES)), tenant -> enqueue(engine, tenant),
        parts.clock(), properties.tick(), parts.node());
    return new GuardianLoop(engine, kindSettings(properties), job -> guardian.reconcileIfFree(UUID.fromString(
        job.tenant())), scheduler, properties);
  }

  static KindSettings kindSettings(GuardianProperties properties) {
    Duration timeout = properties.runTimeout();
    return KindSettings.DEFAULT.withRetry(GUARDIAN_RETRY).withTimeout(timeout, timeout.plusSeconds(30))
        .workers(1, properties.workers());
  }

  /** One queued run per tenant: a slot that comes while one waits joins it. */
  static void enqueue(Engine engine, UUID tenant) {
    try {
      engine.enqueue(JobRequest.of(tenant.toString(), JobKind.GUARDIAN, "scheduled")
          .coalescedBy("guardian:" + tenant));
    } catch (QueueFullException full) {
      LOG.warn("guardian run of tenant {} not queued ({}); its next slot tries again", tenant, full.getMessage());
    }
  }

  record GuardianParts(LeaseManager leases, Clock clock, GuardianMetrics metrics, String node) {}
}
