package ai.stockclerk.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook inbox (invariant I2, I4): a webhook is answered 2xx only once its row is here, and its
 * effect commits together with the row's status. Every method runs inside {@link Tenancy#inTenant}.
 */
@Repository
public class InboxStore {

  /** Statuses a row moves through; only {@code received} still owes processing. */
  public static final String RECEIVED = "received";
  public static final String PROCESSED = "processed";
  public static final String IGNORED = "ignored";
  public static final String FAILED = "failed";

  private final JdbcClient jdbc;

  InboxStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Writes the row; empty when the same event (same dedup key on the channel) is already here. */
  public Optional<Long> accept(UUID channelId, String dedupKey, byte[] body, String headersJson) {
    return jdbc.sql("""
            INSERT INTO webhook_inbox (tenant_id, channel_id, dedup_key, body, headers)
            VALUES (?, ?, ?, ?, cast(? AS jsonb))
            ON CONFLICT (channel_id, dedup_key) DO NOTHING RETURNING id""")
        .params(Tenancy.current(), channelId, dedupKey, body, headersJson)
        .query(Long.class)
        .optional();
  }

  /** The row, locked until the transaction ends, so one event is processed by one worker at a time. */
  public Optional<InboxRecord> lock(long id) {
    return jdbc.sql("SELECT * FROM webhook_inbox WHERE id = ? AND tenant_id = ? FOR UPDATE")
        .params(id, Tenancy.current())
        .query(InboxStore::record)
        .optional();
  }

  private static InboxRecord record(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new InboxRecord(rs.getLong("id"), Rows.uuid(rs, "channel_id"), rs.getString("dedup_key"),
        rs.getBytes("body"), rs.getString("headers"), Rows.instant(rs, "received_at"), rs.getString("status"),
        rs.getInt("attempts"));
  }

  /**
   * The tenant's oldest rows still owing processing that no one has tried yet, locked; rows another
   * worker holds are skipped rather than waited for. Rows whose processing failed once are left to
   * the recovery sweep, which takes them one at a time.
   */
  public List<InboxRecord> lockUntried(int limit) {
    return jdbc.sql("""
            SELECT * FROM webhook_inbox WHERE tenant_id = ? AND status = 'received' AND attempts = 0
            ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")
        .params(Tenancy.current(), limit)
        .query(InboxStore::record)
        .list();
  }

  /** Ids of the tenant's untried rows, oldest first, without locking them. */
  public List<Long> untriedIds(int limit) {
    return jdbc.sql("""
            SELECT id FROM webhook_inbox WHERE tenant_id = ? AND status = 'received' AND attempts = 0
            ORDER BY id LIMIT ?""")
        .params(Tenancy.current(), limit)
        .query(Long.class)
        .list();
  }

  /** Finishes many rows with one status and no error. */
  public void finishAll(List<Long> ids, String status) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql("""
            UPDATE webhook_inbox SET status = ?, last_error = NULL, attempts = attempts + 1, processed_at = now()
            WHERE id = ANY(?) AND tenant_id = ?""")
        .params(status, ids.toArray(Long[]::new), Tenancy.current())
        .update();
  }

  public void finish(long id, String status, String error) {
    jdbc.sql("""
            UPDATE webhook_inbox SET status = ?, last_error = ?, attempts = attempts + 1, processed_at = now()
            WHERE id = ? AND tenant_id = ?""")
        .params(status, error, id, Tenancy.current())
        .update();
  }

  /** Counts a failed attempt and keeps the row pending, so the sweep or a retry picks it up again. */
  public void failedAttempt(long id, String error) {
    jdbc.sql("UPDATE webhook_inbox SET attempts = attempts + 1, last_error = ? WHERE id = ? AND tenant_id = ?")
        .params(error, id, Tenancy.current())
        .update();
  }

  public long countWithStatus(String status) {
    return jdbc.sql("SELECT count(*) FROM webhook_inbox WHERE tenant_id = ? AND status = ?")
        .params(Tenancy.current(), status)
        .query(Long.class)
        .single();
  }
}
