package ai.stockclerk.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Look-ups made before a tenant is known: routing an inbound webhook to its channel, and the
 * sweeps that find unfinished work in every tenant. They go through SECURITY DEFINER functions
 * that return ids only; everything else is then read inside the tenant's own transaction.
 */
@Repository
public class FlowRoutes {

  /** Where a webhook for a channel goes. */
  public record ChannelRoute(UUID channelId, UUID tenantId, String type, boolean active) {}

  /** A piece of unfinished work of one tenant. */
  public record TenantWork(UUID tenantId, UUID channelId, long inboxId) {}

  private final JdbcClient jdbc;

  FlowRoutes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<ChannelRoute> route(UUID channelId) {
    return jdbc.sql("SELECT tenant_id, type, active FROM channel_route(?)")
        .param(channelId)
        .query((rs, n) -> new ChannelRoute(channelId, Rows.uuid(rs, "tenant_id"), rs.getString("type"),
            rs.getBoolean("active")))
        .optional();
  }

  public Optional<ChannelRoute> routeByInstance(String type, String instanceId) {
    return jdbc.sql("SELECT channel_id, tenant_id, active FROM channel_route_by_instance(?, ?)")
        .params(type, instanceId)
        .query((rs, n) -> new ChannelRoute(Rows.uuid(rs, "channel_id"), Rows.uuid(rs, "tenant_id"), type,
            rs.getBoolean("active")))
        .optional();
  }

  public List<TenantWork> pendingInbox(Instant receivedBefore, int limit) {
    return jdbc.sql("SELECT tenant_id, inbox_id, channel_id FROM pending_inbox(?, ?)")
        .params(Rows.timestamp(receivedBefore), limit)
        .query((rs, n) -> new TenantWork(Rows.uuid(rs, "tenant_id"), Rows.uuid(rs, "channel_id"),
            rs.getLong("inbox_id")))
        .list();
  }

  public List<TenantWork> channelsOwingPush(int limit) {
    return jdbc.sql("SELECT tenant_id, channel_id FROM channels_owing_push(?)")
        .param(limit)
        .query((rs, n) -> new TenantWork(Rows.uuid(rs, "tenant_id"), Rows.uuid(rs, "channel_id"), 0))
        .list();
  }

  public List<TenantWork> channelsToCheck(int limit) {
    return jdbc.sql("SELECT tenant_id, channel_id FROM channels_to_check(?)")
        .param(limit)
        .query((rs, n) -> new TenantWork(Rows.uuid(rs, "tenant_id"), Rows.uuid(rs, "channel_id"), 0))
        .list();
  }
}
