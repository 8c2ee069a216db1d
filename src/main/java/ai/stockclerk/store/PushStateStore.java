package ai.stockclerk.store;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Push states of channel items for the Sync agent (invariant I3). A push clears the dirty flag only
 * when no change arrived while it ran. {@link #toPush} and {@link #settle} are statements of their
 * own that set the tenant wall themselves (one round trip each around a vendor call);
 * {@link #channelsOwing} runs inside {@link Tenancy#inTenant}.
 */
@Repository
public class PushStateStore {

  private final JdbcClient jdbc;

  PushStateStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A channel's dirty items with their product's current stock, oldest first, read as
   * {@code tenantId} in one statement of its own and marked as being pushed until {@link #settle}
   * (level reports on them wait until then, see V5); none when the channel is not served: inactive,
   * gone, or disconnected because the vendor refused its credentials (a channel whose status detail
   * is {@code notCheckedDetail} is disconnected only until its first check, and is served
   * meanwhile). Its items then stay dirty for when it is served again.
   */
  public List<PushState> toPush(UUID tenantId, UUID channelId, int limit, String notCheckedDetail) {
    Tenancy.requireOwnTransaction("reading what to push");
    return jdbc.sql("SELECT * FROM items_to_push(?, ?, ?, ?)")
        .params(tenantId, channelId, limit, notCheckedDetail)
        .query((rs, n) -> new PushState(Rows.uuid(rs, "id"), Rows.uuid(rs, "product_id"), rs.getString("external_id"),
            rs.getInt("stock"), rs.getInt("buffer_stock"), Rows.integer(rs, "reported_level"),
            Rows.integer(rs, "pushed_level"), rs.getLong("dirty_version")))
        .list();
  }

  /** How a push ended for one item. */
  public enum PushOutcome {
    /** The vendor acknowledged the level: the item shows what was pushed. */
    ACKNOWLEDGED,
    /** Nothing more to send at that level: the channel shows it already, or refused it for good. */
    NOT_OWED,
    /** Still owed: the push failed, or the vendor refused it as stale. */
    UNSETTLED
  }

  /** One item's end of a push, at {@code level} as planned from {@code versionPushed}. */
  public record Settled(UUID itemId, int level, long versionPushed, PushOutcome outcome) {}

  /** An audit row written with a push's settlement (actor: sync, channel: the pushed one). */
  public record PushAudit(String type, String status, UUID productId, String detailJson, String error) {}

  /**
   * Records what a push settled, as {@code tenantId} in one statement of its own, with the push's
   * audit rows; every item stops being in flight. Items are locked in product order, as a Watcher
   * batch locks them, so the two never deadlock. An acknowledged level is what we pushed and what
   * the channel shows now; the vendor's report time is left alone, so a sale the vendor reports
   * with a time before our acknowledgement still counts. An item stays dirty when a change arrived
   * while the push ran.
   */
  public void settle(UUID tenantId, UUID channelId, List<Settled> settled, List<PushAudit> audits) {
    Tenancy.requireOwnTransaction("settling a push");
    jdbc.sql("""
            SELECT settle_pushes(?, ?, cast(? AS uuid[]), cast(? AS integer[]), cast(? AS bigint[]),
              cast(? AS text[]), cast(? AS text[]), cast(? AS text[]), cast(? AS uuid[]), cast(? AS jsonb[]),
              cast(? AS text[]))""")
        .params(tenantId, channelId,
            settled.stream().map(s -> s.itemId().toString()).toArray(String[]::new),
            settled.stream().map(Settled::level).toArray(Integer[]::new),
            settled.stream().map(Settled::versionPushed).toArray(Long[]::new),
            settled.stream().map(one -> one.outcome().name().toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new),
            audits.stream().map(PushAudit::type).toArray(String[]::new),
            audits.stream().map(PushAudit::status).toArray(String[]::new),
            audits.stream().map(a -> a.productId() == null ? null : a.productId().toString()).toArray(String[]::new),
            audits.stream().map(a -> a.detailJson() == null ? "{}" : a.detailJson()).toArray(String[]::new),
            audits.stream().map(PushAudit::error).toArray(String[]::new))
        .query((rs, n) -> n)
        .list();
  }

  /** Channels whose item of any of the products owes a push. */
  public List<UUID> channelsOwing(Collection<UUID> productIds) {
    return jdbc.sql("""
            SELECT DISTINCT channel_id FROM channel_items
            WHERE tenant_id = ? AND product_id = ANY(cast(? AS uuid[])) AND dirty""")
        .params(Tenancy.current(), productIds.stream().map(UUID::toString).toArray(String[]::new))
        .query(UUID.class)
        .list();
  }
}
