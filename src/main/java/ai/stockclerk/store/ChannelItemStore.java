package ai.stockclerk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Mappings between products and channel items. Every method runs inside {@link Tenancy#inTenant}. */
@Repository
public class ChannelItemStore {

  private final JdbcClient jdbc;

  ChannelItemStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Maps a product to an item on a channel. Both must belong to the current tenant: the insert
   * selects them under row-level security, so another tenant's ids simply are not found. A new
   * mapping owes its first push.
   */
  public ChannelItemRecord create(UUID productId, UUID channelId, String externalId, String externalSku) {
    UUID id = UUID.randomUUID();
    int inserted;
    try {
      inserted = jdbc.sql("""
              INSERT INTO channel_items (id, tenant_id, channel_id, product_id, external_id, external_sku, dirty,
                                         dirty_since)
              SELECT ?, p.tenant_id, c.id, p.id, ?, ?, true, now()
              FROM products p JOIN channels c ON c.tenant_id = p.tenant_id
              WHERE p.id = ? AND c.id = ? AND p.tenant_id = ?""")
          .params(id, externalId, externalSku, productId, channelId, Tenancy.current())
          .update();
    } catch (DuplicateKeyException e) {
      throw new ConflictException("this product or this external id is already mapped on that channel");
    }
    if (inserted == 0) {
      throw new NotFoundException("product or channel");
    }
    return find(id).orElseThrow();
  }

  public Optional<ChannelItemRecord> find(UUID id) {
    return jdbc.sql("SELECT * FROM channel_items WHERE id = ? AND tenant_id = ?")
        .params(id, Tenancy.current())
        .query(ChannelItemStore::item)
        .optional();
  }

  public Optional<ChannelItemRecord> findByExternalId(UUID channelId, String externalId) {
    return jdbc.sql("SELECT * FROM channel_items WHERE tenant_id = ? AND channel_id = ? AND external_id = ?")
        .params(Tenancy.current(), channelId, externalId)
        .query(ChannelItemStore::item)
        .optional();
  }

  /** Mappings filtered by product and/or channel (either may be null). */
  public List<ChannelItemRecord> list(UUID productId, UUID channelId) {
    return jdbc.sql("""
            SELECT * FROM channel_items WHERE tenant_id = ?
              AND (cast(? AS uuid) IS NULL OR product_id = ?) AND (cast(? AS uuid) IS NULL OR channel_id = ?)
            ORDER BY created_at, id""")
        .params(Tenancy.current(), productId, productId, channelId, channelId)
        .query(ChannelItemStore::item)
        .list();
  }

  public void delete(UUID id) {
    if (jdbc.sql("DELETE FROM channel_items WHERE id = ? AND tenant_id = ?").params(id, Tenancy.current()).update()
        == 0) {
      throw new NotFoundException("mapping");
    }
  }

  static ChannelItemRecord item(ResultSet rs, int row) throws SQLException {
    return new ChannelItemRecord(Rows.uuid(rs, "id"), Rows.uuid(rs, "tenant_id"), Rows.uuid(rs, "channel_id"),
        Rows.uuid(rs, "product_id"), rs.getString("external_id"), rs.getString("external_sku"),
        Rows.integer(rs, "reported_level"), Rows.instant(rs, "reported_at"), Rows.integer(rs, "desired_level"),
        Rows.integer(rs, "pushed_level"), Rows.instant(rs, "pushed_at"), rs.getBoolean("dirty"),
        rs.getLong("dirty_version"), Rows.instant(rs, "created_at"));
  }
}
