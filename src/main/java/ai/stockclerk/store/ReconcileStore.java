package ai.stockclerk.store;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Guardian's reads and writes, one statement each, so a channel of thousands of items costs two
 * round trips. Every method runs inside {@link Tenancy#inTenant}.
 */
@Repository
public class ReconcileStore {

  private final JdbcClient jdbc;

  ReconcileStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every mapped item of a channel (of one product when {@code productId} is set) with its product's stock. */
  public List<ExpectedLevel> expectedLevels(UUID channelId, UUID productId) {
    return jdbc.sql("""
            SELECT i.id, i.product_id, i.external_id, p.stock, p.buffer_stock, i.dirty
            FROM channel_items i JOIN products p ON p.id = i.product_id AND p.tenant_id = i.tenant_id
            WHERE i.tenant_id = ? AND i.channel_id = ? AND (cast(? AS uuid) IS NULL OR i.product_id = ?)
            ORDER BY i.external_id""")
        .params(Tenancy.current(), channelId, productId, productId)
        .query((rs, n) -> new ExpectedLevel(Rows.uuid(rs, "id"), Rows.uuid(rs, "product_id"),
            rs.getString("external_id"), rs.getInt("stock"), rs.getInt("buffer_stock"), rs.getBoolean("dirty")))
        .list();
  }

  /** The same view of a few items, read again to confirm drift seen against an older read. */
  public List<ExpectedLevel> expectedLevelsOf(List<UUID> itemIds) {
    if (itemIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            SELECT i.id, i.product_id, i.external_id, p.stock, p.buffer_stock, i.dirty
            FROM channel_items i JOIN products p ON p.id = i.product_id AND p.tenant_id = i.tenant_id
            WHERE i.tenant_id = ? AND i.id = ANY(cast(? AS uuid[]))""")
        .params(Tenancy.current(), itemIds.stream().map(UUID::toString).toArray(String[]::new))
        .query((rs, n) -> new ExpectedLevel(Rows.uuid(rs, "id"), Rows.uuid(rs, "product_id"),
            rs.getString("external_id"), rs.getInt("stock"), rs.getInt("buffer_stock"), rs.getBoolean("dirty")))
        .list();
  }

  /**
   * Records what the channel shows (so the Sync agent does not skip a push as "already shown") and
   * marks the items that owe a push dirty, all in one statement.
   */
  public int recordObserved(List<ObservedLevel> observed) {
    if (observed.isEmpty()) {
      return 0;
    }
    String[] ids = observed.stream().map(o -> o.itemId().toString()).toArray(String[]::new);
    String[] levels = observed.stream().map(o -> Integer.toString(o.level())).toArray(String[]::new);
    String[] push = observed.stream().map(o -> Boolean.toString(o.owesPush())).toArray(String[]::new);
    return jdbc.sql("""
            UPDATE channel_items c
            SET reported_level = d.level,
                dirty = c.dirty OR d.push,
                dirty_since = CASE WHEN d.push THEN coalesce(c.dirty_since, now()) ELSE c.dirty_since END,
                dirty_version = c.dirty_version + CASE WHEN d.push THEN 1 ELSE 0 END
            FROM unnest(cast(? AS uuid[]), cast(? AS integer[]), cast(? AS boolean[])) AS d(id, level, push)
            WHERE c.id = d.id AND c.tenant_id = ?""")
        .params(ids, levels, push, Tenancy.current())
        .update();
  }
}
