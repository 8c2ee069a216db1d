package ai.stockclerk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox of alert sends. A row is created in the transaction that opens the alert, at most one
 * per (alert, medium); nodes claim due rows with SKIP LOCKED and a claim deadline, so two nodes
 * never send the same row at once, and a node that died mid-send leaves the row to be claimed
 * again. All methods but {@link #tenantsWithDue} run inside {@link Tenancy#inTenant}.
 */
@Repository
public class AlertDeliveryStore {

  private final JdbcClient jdbc;

  AlertDeliveryStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a send that is owed; false when this alert already has one for the medium. */
  public boolean create(UUID id, UUID alertId, String medium, String payload, Instant at) {
    return jdbc.sql("""
            INSERT INTO alert_deliveries (id, tenant_id, alert_id, medium, payload, next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (alert_id, medium) DO NOTHING""")
        .params(id, Tenancy.current(), alertId, medium, payload, Rows.timestamp(at), Rows.timestamp(at))
        .update() == 1;
  }

  /** Tenants with sends due at {@code now}; crosses the tenant wall through an owner-run function. */
  public List<UUID> tenantsWithDue(Instant now, int limit) {
    return jdbc.sql("SELECT tenant_id FROM tenants_with_due_alert_deliveries(?, ?)")
        .params(Rows.timestamp(now), limit)
        .query(UUID.class)
        .list();
  }

  /** Claims up to {@code limit} due sends for {@code node} until {@code until}, counting an attempt each. */
  public List<AlertDeliveryRecord> claimDue(Instant now, Instant until, String node, int limit) {
    return jdbc.sql("""
            UPDATE alert_deliveries SET claimed_by = :node, claimed_until = :until, attempts = attempts + 1
            WHERE id IN (SELECT id FROM alert_deliveries
                         WHERE tenant_id = :tenant AND status = 'pending' AND next_attempt_at <= :now
                           AND (claimed_until IS NULL OR claimed_until <= :now)
                         ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED)
            RETURNING *""")
        .param("node", node)
        .param("until", Rows.timestamp(until))
        .param("tenant", Tenancy.current())
        .param("now", Rows.timestamp(now))
        .param("limit", limit)
        .query(AlertDeliveryStore::delivery)
        .list();
  }

  /** Records the send; false when this node's claim was taken over meanwhile. */
  public boolean markSent(AlertDeliveryRecord claimed, Instant at) {
    return jdbc.sql("""
            UPDATE alert_deliveries SET status = 'sent', sent_at = ?, claimed_until = NULL, last_error = NULL
            WHERE id = ? AND tenant_id = ? AND status = 'pending' AND claimed_by = ? AND attempts = ?""")
        .params(Rows.timestamp(at), claimed.id(), Tenancy.current(), claimed.claimedBy(), claimed.attempts())
        .update() == 1;
  }

  /** Schedules another attempt at {@code retryAt}, or gives up when it is null. */
  public boolean markFailed(AlertDeliveryRecord claimed, String error, Instant retryAt) {
    return jdbc.sql("""
            UPDATE alert_deliveries SET status = CASE WHEN cast(? AS timestamptz) IS NULL THEN 'failed' ELSE 'pending' END,
              next_attempt_at = coalesce(cast(? AS timestamptz), next_attempt_at), claimed_until = NULL, last_error = ?
            WHERE id = ? AND tenant_id = ? AND status = 'pending' AND claimed_by = ? AND attempts = ?""")
        .params(Rows.timestamp(retryAt), Rows.timestamp(retryAt), truncate(error), claimed.id(), Tenancy.current(),
            claimed.claimedBy(), claimed.attempts())
        .update() == 1;
  }

  /** The tenant turned the medium off before the send: nothing is sent, and the row says why. */
  public boolean markCancelled(AlertDeliveryRecord claimed, String reason) {
    return jdbc.sql("""
            UPDATE alert_deliveries SET status = 'cancelled', claimed_until = NULL, last_error = ?
            WHERE id = ? AND tenant_id = ? AND status = 'pending' AND claimed_by = ? AND attempts = ?""")
        .params(truncate(reason), claimed.id(), Tenancy.current(), claimed.claimedBy(), claimed.attempts())
        .update() == 1;
  }

  public List<AlertDeliveryRecord> forAlert(UUID alertId) {
    return jdbc.sql("SELECT * FROM alert_deliveries WHERE tenant_id = ? AND alert_id = ? ORDER BY medium")
        .params(Tenancy.current(), alertId)
        .query(AlertDeliveryStore::delivery)
        .list();
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 500 ? text : text.substring(0, 500);
  }

  static AlertDeliveryRecord delivery(ResultSet rs, int row) throws SQLException {
    return new AlertDeliveryRecord(Rows.uuid(rs, "id"), Rows.uuid(rs, "tenant_id"), Rows.uuid(rs, "alert_id"),
        rs.getString("medium"), rs.getString("payload"), rs.getString("status"), rs.getInt("attempts"),
        Rows.instant(rs, "next_attempt_at"), rs.getString("claimed_by"), Rows.instant(rs, "claimed_until"),
        rs.getString("last_error"), Rows.instant(rs, "sent_at"), Rows.instant(rs, "created_at"));
  }
}
