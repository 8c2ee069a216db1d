package ai.stockclerk.store;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Push states of channel items for the Sync agent (invariant I3). A push clears the dirty flag only
 * when no change arrived while it ran. Every method runs inside {@link Tenancy#inTenant}.
 */
@Repository
public class PushStateStore {

  private final JdbcClient jdbc;

  PushStateStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Dirty items of a channel with their product's current stock, oldest first. */
  public List<PushState> dirty(UUID channelId, int limit) {
    return jdbc.sql("""
            SELECT i.id, i.product_id, i.external_id, p.stock, p.buffer_stock, i.reported_level, i.pushed_level,
                   i.dirty_version
            FROM channel_items i JOIN products p ON p.id = i.product_id AND p.tenant_id = i.tenant_id
            WHERE i.tenant_id = ? AND i.channel_id = ? AND i.dirty
            ORDER BY i.dirty_since, i.id LIMIT ?""")
        .params(Tenancy.current(), channelId, limit)
        .query((rs, n) -> new PushState(Rows.uuid(rs, "id"), Rows.uuid(rs, "product_id"), rs.getString("external_id"),
            rs.getInt("stock"), rs.getInt("buffer_stock"), Rows.integer(rs, "reported_level"),
            Rows.integer(rs, "pushed_level"), rs.getLong("dirty_version")))
        .list();
  }

  /**
   * The channel acknowledged {@code level}: it is what we pushed and what the channel shows now.
   * Unlike {@link ChannelItemStore#recordPushed} the vendor's report time is left alone, so a sale
   * the vendor reports with a time before our acknowledgement still counts.
   */
  public void acknowledged(UUID itemId, int level, long versionPushed) {
    jdbc.sql("""
            UPDATE channel_items SET pushed_level = ?, pushed_at = now(), desired_level = ?, reported_level = ?,
              dirty = (dirty_version <> ?), dirty_since = CASE WHEN dirty_version <> ? THEN dirty_since END
            WHERE id = ? AND tenant_id = ?""")
        .params(level, level, level, versionPushed, versionPushed, itemId, Tenancy.current())
        .update();
  }

  /** Nothing to send (the channel already shows the level), or given up: no longer owed. */
  public void clean(UUID itemId, int desiredLevel, long version) {
    jdbc.sql("""
            UPDATE channel_items SET desired_level = ?, dirty = (dirty_version <> ?),
              dirty_since = CASE WHEN dirty_version <> ? THEN dirty_since END
            WHERE id = ? AND tenant_id = ?""")
        .params(desiredLevel, version, version, itemId, Tenancy.current())
        .update();
  }

  /** Marks one item as owing a push (the source channel of a change whose shown level must differ). */
  public void markDirty(UUID itemId) {
    jdbc.sql("""
            UPDATE channel_items
            SET dirty = true, dirty_since = coalesce(dirty_since, now()), dirty_version = dirty_version + 1
            WHERE id = ? AND tenant_id = ?""")
        .params(itemId, Tenancy.current())
        .update();
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

  /** Records a vendor's report of a level without moving stock (the echo of our own push). */
  public void recordEcho(UUID itemId, int level, java.time.Instant at) {
    jdbc.sql("""
            UPDATE channel_items SET reported_level = ?, reported_at = greatest(reported_at, ?)
            WHERE id = ? AND tenant_id = ?""")
        .params(level, Rows.timestamp(at), itemId, Tenancy.current())
        .update();
  }
}
