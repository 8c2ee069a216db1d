package ai.stockclerk.engine;

import java.util.Objects;

/** Something that happened for a tenant (stock updated, sync completed, alert raised); payload is opaque. */
public record TenantEvent(String tenant, String type, String payload) {
  public TenantEvent {
    TenantIds.check(tenant);
    Objects.requireNonNull(type, "type");
    payload = payload == null ? "" : payload;
  }
}
