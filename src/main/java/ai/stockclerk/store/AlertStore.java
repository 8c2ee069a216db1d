package ai.stockclerk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tenant's alerts. The partial unique index on unresolved dedup keys is what keeps one open
 * alert per subject, also against concurrent raises. Every method runs inside {@link Tenancy#inTenant}.
 */
@Repository
public class AlertStore {

  private static final String THRESHOLD = "coalesce(low_stock_threshold, buffer_stock + 5)";

  private final JdbcClient jdbc;

  AlertStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The unresolved alert with this key, locked until the transaction ends so repeats serialise. */
  public Optional<AlertRecord> lockUnresolved(String dedupKey) {
    return jdbc.sql("SELECT * FROM alerts WHERE tenant_id = ? AND dedup_key = ? AND status <> 'resolved' FOR UPDATE")
        .params(Tenancy.current(), dedupKey)
        .query(AlertStore::alert)
        .optional();
  }

  /** Opens the alert unless one with its key is unresolved; false means another raise won the race. */
  public boolean insertIfNoneUnresolved(NewAlert alert) {
    return jdbc.sql("""
            INSERT INTO alerts (id, tenant_id, type, severity, subject, message, status, dedup_key, occurrences,
                                metadata, first_seen, last_seen)
            VALUES (?, ?, ?, ?, ?, ?, 'open', ?, 1, cast(? AS jsonb), ?, ?)
            ON CONFLICT (tenant_id, dedup_key) WHERE status <> 'resolved' DO NOTHING""")
        .params(alert.id(), Tenancy.current(), alert.type(), alert.severity(), alert.subject(), alert.message(),
            alert.dedupKey(), alert.metadataJson(), Rows.timestamp(alert.at()), Rows.timestamp(alert.at()))
        .update() == 1;
  }

  /** Counts one more occurrence of an unresolved alert and records its latest facts. */
  public AlertRecord repeat(UUID id, NewAlert latest) {
    return jdbc.sql("""
            UPDATE alerts SET occurrences = occurrences + 1, last_seen = greatest(last_seen, ?), severity = ?,
              message = ?, metadata = cast(? AS jsonb)
            WHERE id = ? AND tenant_id = ? RETURNING *""")
        .params(Rows.timestamp(latest.at()), latest.severity(), latest.message(), latest.metadataJson(), id,
            Tenancy.current())
        .query(AlertStore::alert)
        .optional()
        .orElseThrow(() -> new NotFoundException("alert"));
  }

  public Optional<AlertRecord> find(UUID id) {
    return jdbc.sql("SELECT * FROM alerts WHERE id = ? AND tenant_id = ?")
        .params(id, Tenancy.current())
        .query(AlertStore::alert)
        .optional();
  }

  /** Alerts filtered by status and type (either may be null), most recently seen first. */
  public Page<AlertRecord> list(String status, String type, PageRequest page) {
    String where = "tenant_id = :tenant AND (cast(:status AS text) IS NULL OR status = :status)"
        + " AND (cast(:type AS text) IS NULL OR type = :type)";
    List<AlertRecord> items = jdbc.sql("SELECT * FROM alerts WHERE " + where
            + " ORDER BY last_seen DESC, id LIMIT :limit OFFSET :offset")
        .param("tenant", Tenancy.current())
        .param("status", status)
        .param("type", type)
        .param("limit", page.size())
        .param("offset", page.offset())
        .query(AlertStore::alert)
        .list();
    long total = jdbc.sql("SELECT count(*) FROM alerts WHERE " + where)
        .param("tenant", Tenancy.current())
        .param("status", status)
        .param("type", type)
        .query(Long.class)
        .single();
    return new Page<>(items, page.page(), page.size(), total);
  }

  /** open → read; an alert already read stays as it is. Empty when the alert does not exist. */
  public Optional<AlertRecord> markRead(UUID id) {
    jdbc.sql("UPDATE alerts SET status = 'read' WHERE id = ? AND tenant_id = ? AND status = 'open'")
        .params(id, Tenancy.current())
        .update();
    return find(id);
  }

  /** open or read → resolved. Empty when the alert does not exist. */
  public Optional<AlertRecord> resolve(UUID id, Instant at) {
    jdbc.sql("UPDATE alerts SET status = 'resolved', resolved_at = ? WHERE id = ? AND tenant_id = ?"
            + " AND status <> 'resolved'")
        .params(Rows.timestamp(at), id, Tenancy.current())
        .update();
    return find(id);
  }

  /** Resolves the unresolved alert with this key, if there is one, and returns it. */
  public Optional<AlertRecord> resolveByKey(String dedupKey, Instant at) {
    return jdbc.sql("""
            UPDATE alerts SET status = 'resolved', resolved_at = ?
            WHERE tenant_id = ? AND dedup_key = ? AND status <> 'resolved' RETURNING *""")
        .params(Rows.timestamp(at), Tenancy.current(), dedupKey)
        .query(AlertStore::alert)
        .optional();
  }

  public List<AlertRecord> unresolvedOfType(String type) {
    return jdbc.sql("SELECT * FROM alerts WHERE tenant_id = ? AND type = ? AND status <> 'resolved' ORDER BY first_seen")
        .params(Tenancy.current(), type)
        .query(AlertStore::alert)
        .list();
  }

  /** A product's stock and effective threshold; empty when the product is gone. */
  public Optional<LowStockLevel> stockLevel(UUID productId) {
    return jdbc.sql("SELECT id, sku, name, stock, " + THRESHOLD + " AS threshold FROM products"
            + " WHERE id = ? AND tenant_id = ?")
        .params(productId, Tenancy.current())
        .query(AlertStore::level)
        .optional();
  }

  /** Every product at or below its threshold, by SKU. */
  public List<LowStockLevel> lowStockLevels() {
    return jdbc.sql("SELECT id, sku, name, stock, " + THRESHOLD + " AS threshold FROM products"
            + " WHERE tenant_id = ? AND stock <= " + THRESHOLD + " ORDER BY sku")
        .param(Tenancy.current())
        .query(AlertStore::level)
        .list();
  }

  private static LowStockLevel level(ResultSet rs, int row) throws SQLException {
    return new LowStockLevel(Rows.uuid(rs, "id"), rs.getString("sku"), rs.getString("name"), rs.getInt("stock"),
        rs.getInt("threshold"));
  }

  static AlertRecord alert(ResultSet rs, int row) throws SQLException {
    return new AlertRecord(Rows.uuid(rs, "id"), Rows.uuid(rs, "tenant_id"), rs.getString("type"),
        rs.getString("severity"), rs.getString("subject"), rs.getString("message"), rs.getString("status"),
        rs.getString("dedup_key"), rs.getInt("occurrences"), rs.getString("metadata"), Rows.instant(rs, "first_seen"),
        Rows.instant(rs, "last_seen"), Rows.instant(rs, "resolved_at"));
  }
}
