package ai.stockclerk.agents.guardian;

import ai.stockclerk.agents.events.TenantEvents;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.engine.Lease;
import ai.stockclerk.engine.LeaseManager;
import ai.stockclerk.store.ChannelRecord;
import ai.stockclerk.store.ChannelStore;
import ai.stockclerk.store.GuardianRunRecord;
import ai.stockclerk.store.GuardianRunStore;
import ai.stockclerk.store.NotFoundException;
import ai.stockclerk.store.ProductStore;
import ai.stockclerk.store.Tenancy;
import ai.stockclerk.store.TenantRecord;
import ai.stockclerk.store.TenantStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Guardian agent's face: reconciles one tenant's channels with what they should show. One run
 * per tenant at a time across the cluster (a lease named after the tenant); its channels are checked
 * side by side on a bounded pool; a channel that fails is recorded and the others are still
 * checked; every run is stored with its figures and timed.
 */
public class Guardian implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Guardian.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final Set<String> RUNNING_STATUSES = Set.of("trial", "active");
  static final String LIVE_EVENT = "guardian.completed";

  private final Tenancy tenancy;
  private final TenantStore tenants;
  private final ChannelStore channels;
  private final ProductStore products;
  private final GuardianRunStore runs;
  private final ChannelCheck check;
  private final LeaseManager leases;
  private final GuardianMetrics metrics;
  private final TenantEvents events;
  private final Clock clock;
  private final Duration runTimeout;
  private final String node;
  private final ExecutorService channelChecks;

  Guardian(Tenancy tenancy, TenantStore tenants, ChannelStore channels, ProductStore products, GuardianRunStore runs,
      ChannelCheck check, LeaseManager leases, GuardianMetrics metrics, TenantEvents events, Clock clock,
      Duration runTimeout, String node, int channelChecksAtOnce) {
    this.tenancy = tenancy;
    this.tenants = tenants;
    this.channels = channels;
    this.products = products;
    this.runs = runs;
    this.check = check;
    this.leases = leases;
    this.metrics = metrics;
    this.events = events;
    this.clock = clock;
    this.runTimeout = runTimeout;
    this.node = node;
    this.channelChecks = channelCheckPool(channelChecksAtOnce);
  }

  private static ExecutorService channelCheckPool(int threads) {
    AtomicInteger counter = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), runnable -> {
          Thread thread = new Thread(runnable, "guardian-check-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  @Override
  public void close() {
    channelChecks.shutdownNow();
  }

  static String leaseName(UUID tenantId) {
    return "guardian:run:" + tenantId;
  }

  /**
   * Runs a reconciliation now and returns its record.
   *
   * @throws ReconcileBusyException another run of the tenant holds the lease
   * @throws TenantNotRunningException the tenant is paused or cancelled
   * @throws NotFoundException the scope names a channel or product the tenant does not have
   */
  public GuardianRunRecord reconcile(UUID tenantId, ReconcileScope scope, RunTrigger trigger) {
    Lease lease = leases.tryAcquire(leaseName(tenantId), node, runTimeout).orElse(null);
    if (lease == null) {
      metrics.skipped();
      throw new ReconcileBusyException(tenantId);
    }
    MDC.put("tenant", tenantId.toString());
    try {
      return run(tenantId, scope, trigger);
    } finally {
      MDC.remove("tenant");
      leases.release(lease);
    }
  }

  private GuardianRunRecord run(UUID tenantId, ReconcileScope scope, RunTrigger trigger) {
    Instant started = clock.instant();
    long startNanos = System.nanoTime();
    List<ChannelRecord> targets = tenancy.inTenant(tenantId, () -> targets(tenantId, scope));
    List<CompletableFuture<ChannelReport>> checks = new ArrayList<>();
    for (ChannelRecord channel : targets) {
      checks.add(CompletableFuture.supplyAsync(() -> checkOne(tenantId, channel, scope.productId()), channelChecks));
    }
    List<ChannelReport> reports = checks.stream().map(CompletableFuture::join).toList();
    Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
    GuardianRunRecord record = record(tenantId, scope, trigger, started, took, reports);
    tenancy.runInTenant(tenantId, () -> runs.insert(record));
    metrics.run(took, record.itemsChecked(), record.driftFound(), record.driftRepaired(), record.driftFlagged(),
        record.errors());
    announce(record);
    return record;
  }

  private List<ChannelRecord> targets(UUID tenantId, ReconcileScope scope) {
    TenantRecord tenant = tenants.tenant().orElseThrow(() -> new NotFoundException("tenant"));
    if (!RUNNING_STATUSES.contains(tenant.status())) {
      throw new TenantNotRunningException(tenantId, tenant.status());
    }
    if (scope.productId() != null) {
      products.find(scope.productId()).orElseThrow(() -> new NotFoundException("product"));
    }
    if (scope.channelId() != null) {
      ChannelRecord channel = channels.find(scope.channelId()).orElseThrow(() -> new NotFoundException("channel"));
      return channel.active() ? List.of(channel) : List.of();
    }
    return channels.list().stream().filter(ChannelRecord::active).toList();
  }

  /** A channel that cannot be read is reported, and the run goes on with the next one. */
  private ChannelReport checkOne(UUID tenantId, ChannelRecord channel, UUID productId) {
    MDC.put("tenant", tenantId.toString());
    MDC.put("channel", channel.id().toString());
    try {
      return check.check(tenantId, channel, productId);
    } catch (ChannelException failure) {
      LOG.warn("guardian could not check channel {} ({}): {}", channel.id(), failure.failure(), failure.getMessage());
      return ChannelReport.failed(channel.id(), channel.name(), channel.type(),
          failure.failure().name().toLowerCase(java.util.Locale.ROOT) + ": " + failure.getMessage());
    } catch (RuntimeException failure) {
      LOG.error("guardian failed on channel {}", channel.id(), failure);
      return ChannelReport.failed(channel.id(), channel.name(), channel.type(), "internal error");
    } finally {
      MDC.remove("tenant");
      MDC.remove("channel");
    }
  }

  private GuardianRunRecord record(UUID tenantId, ReconcileScope scope, RunTrigger trigger, Instant started,
      Duration took, List<ChannelReport> reports) {
    int errors = (int) reports.stream().filter(r -> r.error() != null).count();
    String status = errors == 0 ? "completed" : errors == reports.size() ? "failed" : "partial";
    return new GuardianRunRecord(UUID.randomUUID(), tenantId, trigger.wireName(), scope.channelId(),
        scope.productId(), status, started, started.plus(took), took.toMillis(), reports.size() - errors,
        sum(reports, ChannelReport::itemsChecked), sum(reports, ChannelReport::driftFound),
        sum(reports, ChannelReport::driftRepaired), sum(reports, ChannelReport::driftFlagged),
        sum(reports, ChannelReport::missingCount), sum(reports, ChannelReport::unmatchedCount), errors,
        JSON.writeValueAsString(Map.of("channels", reports)));
  }

  private static int sum(List<ChannelReport> reports, java.util.function.ToIntFunction<ChannelReport> figure) {
    return reports.stream().mapToInt(figure).sum();
  }

  private void announce(GuardianRunRecord run) {
    if (events == null) {
      return;
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("runId", run.id().toString());
    payload.put("status", run.status());
    payload.put("itemsChecked", run.itemsChecked());
    payload.put("driftRepaired", run.driftRepaired());
    payload.put("driftFlagged", run.driftFlagged());
    payload.put("durationMs", run.durationMs());
    try {
      events.publish(run.tenantId(), LIVE_EVENT, JSON.writeValueAsString(payload));
    } catch (RuntimeException failure) {
      LOG.warn("guardian run {} not announced on the live stream", run.id(), failure);
    }
  }

  /** For the scheduled job: a busy or paused tenant is not an error, just nothing to do now. */
  Optional<GuardianRunRecord> reconcileIfFree(UUID tenantId) {
    try {
      return Optional.of(reconcile(tenantId, ReconcileScope.WHOLE_TENANT, RunTrigger.SCHEDULED));
    } catch (ReconcileBusyException | TenantNotRunningException notNow) {
      LOG.debug("scheduled guardian run of tenant {} skipped: {}", tenantId, notNow.getMessage());
      return Optional.empty();
    }
  }
}
