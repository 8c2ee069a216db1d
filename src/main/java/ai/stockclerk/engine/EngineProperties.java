package ai.stockclerk.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code stockclerk.engine}, a thin layer over {@link EngineBuilder}; defaults
 * refer to the builder's constants. The Redis adapters are used when {@code stockclerk.redis.url}
 * (env {@code STOCKCLERK_REDIS_URL}) is set, else the in-process ones.
 *
 * @param isolation {@code per-tenant} (default) or {@code shared}: the default lane mode
 * @param perTenantPercent share of tenants (stable hash) on per-tenant lanes; default 100 for
 *     per-tenant isolation, 0 for shared
 * @param perTenantTenants tenants always on per-tenant lanes, whatever the percentage
 * @param keyPrefix prefix of every Redis key and channel of this deployment
 * @param nodeName this node's name in logs and metrics (default: a random one)
 * @param quantum jobs per lane turn in deficit round robin (times the tenant's weight)
 * @param sweepInterval how often expired claims are looked for
 * @param shutdownDeadline how long running jobs may take to finish on shutdown
 * @param topTenants how many of the deepest tenants get a depth gauge
 * @param defaultLimits caps of every tenant unless a {@link LimitsPolicy} bean says otherwise
 * @param kinds per-kind worker pools and retries; well-known kinds have defaults
 */
@ConfigurationProperties("stockclerk.engine")
public record EngineProperties(
    String isolation,
    Integer perTenantPercent,
    List<String> perTenantTenants,
    String keyPrefix,
    String nodeName,
    Integer quantum,
    Duration sweepInterval,
    Duration shutdownDeadline,
    Integer topTenants,
    Limits defaultLimits,
    Map<String, Kind> kinds) {

  public EngineProperties {
    isolation = isolation == null ? "per-tenant" : isolation;
    perTenantTenants = perTenantTenants == null ? List.of() : List.copyOf(perTenantTenants);
    keyPrefix = keyPrefix == null ? "stockclerk" : keyPrefix;
    quantum = quantum == null ? 1 : quantum;
    sweepInterval = sweepInterval == null ? EngineBuilder.DEFAULT_SWEEP_INTERVAL : sweepInterval;
    shutdownDeadline = shutdownDeadline == null ? EngineBuilder.DEFAULT_SHUTDOWN_DEADLINE : shutdownDeadline;
    topTenants = topTenants == null ? EngineBuilder.DEFAULT_TOP_TENANTS : topTenants;
    defaultLimits = defaultLimits == null ? new Limits(null, null, null, null) : defaultLimits;
    kinds = kinds == null ? Map.of() : Map.copyOf(kinds);
  }

  public IsolationMode isolationMode() {
    return IsolationMode.parse(isolation);
  }

  public Rollout rollout() {
    int percent = perTenantPercent != null ? perTenantPercent : isolationMode() == IsolationMode.SHARED ? 0 : 100;
    return new Rollout(percent, java.util.Set.copyOf(perTenantTenants));
  }

  /** The settings of a kind: configured values over the kind's defaults for this isolation mode. */
  public KindSettings kindSettings(JobKind kind) {
    KindSettings base = defaults(isolationMode()).getOrDefault(kind.name(), KindSettings.DEFAULT);
    Kind configured = kinds.get(kind.name());
    return configured == null ? base : configured.over(base);
  }

  /** The launch design's fixed pools in shared mode (webhook 10, sync 5, alert 3); elastic pools otherwise. */
  static Map<String, KindSettings> defaults(IsolationMode mode) {
    Map<String, KindSettings> out = new LinkedHashMap<>();
    if (mode == IsolationMode.SHARED) {
      out.put("webhook", KindSettings.DEFAULT.fixedWorkers(10));
      out.put("sync", KindSettings.DEFAULT.fixedWorkers(5));
      out.put("alert", KindSettings.DEFAULT.fixedWorkers(3));
      out.put("guardian", KindSettings.DEFAULT.fixedWorkers(2));
    } else {
      out.put("webhook", KindSettings.DEFAULT.workers(2, 16));
      out.put("sync", KindSettings.DEFAULT.workers(1, 8));
      out.put("alert", KindSettings.DEFAULT.workers(1, 4));
      out.put("guardian", KindSettings.DEFAULT.workers(1, 2));
    }
    return out;
  }

  /** Caps per tenant and kind; absent means unlimited (weight 1). */
  public record Limits(Integer weight, Integer concurrency, Long maxDepth, Integer perMinute) {
    TenantLimits toTenantLimits() {
      return new TenantLimits(weight == null ? 1 : weight, concurrency == null ? TenantLimits.UNLIMITED : concurrency,
          maxDepth == null ? TenantLimits.UNLIMITED : maxDepth, perMinute == null ? TenantLimits.UNLIMITED : perMinute);
    }
  }

  /** One kind's overrides; absent values keep the kind's defaults. */
  public record Kind(Integer minWorkers, Integer maxWorkers, Integer maxAttempts, Duration backoffBase,
      Duration backoffMax, Duration timeout, Duration visibility, Integer claimBatch) {
    KindSettings over(KindSettings base) {
      RetryPolicy retry = new RetryPolicy(
          maxAttempts == null ? base.retry().maxAttempts() : maxAttempts,
          backoffBase == null ? base.retry().base() : backoffBase,
          backoffMax == null ? base.retry().max() : backoffMax);
      return new KindSettings(retry, timeout == null ? base.timeout() : timeout,
          visibility == null ? base.visibility() : visibility,
          minWorkers == null ? base.minWorkers() : minWorkers, maxWorkers == null ? base.maxWorkers() : maxWorkers,
          claimBatch == null ? base.claimBatch() : claimBatch);
    }
  }
}
