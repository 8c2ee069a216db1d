package ai.stockclerk.engine;

/**
 * Where a lane's caps come from (the tenant's plan). Every node must answer the same, so the
 * source is configuration or the database, never node-local state.
 */
@FunctionalInterface
public interface LimitsPolicy {

  LimitsPolicy UNLIMITED = (lane, kind) -> TenantLimits.DEFAULT;

  TenantLimits limits(String lane, JobKind kind);
}
