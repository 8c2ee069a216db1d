package ai.stockclerk.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook inbox (invariant I2, I4): a webhook is answered 2xx only once its row is here, and its
 * effect commits together with the row's status. Every method but
 * {@link #acceptAsTenant} runs inside {@link Tenancy#inTenant}.
 */
@Repository
public class InboxStore {

  /** Statuses a row moves through; only {@code received} still owes processing. */
  public static final String RECEIVED = "received";
  public static final String PROCESSED = "processed";
  public static final String IGNORED = "ignored";
  public static final String FAILED = "failed";

  /** Claiming a row marks it processed and counts the attempt; a rollback undoes both. */
  private static final String CLAIM = """
      UPDATE webhook_inbox SET status = 'processed', last_error = NULL, attempts = attempts + 1,
        processed_at = now()
      """;

  private final JdbcClient jdbc;

  InboxStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Writes the row as {@code tenantId} in one statement of its own (one round trip, committed when
   * it returns); empty when the same event is already here. It sets the tenant wall itself, so it
   * must not run inside another transaction, whose tenant it would change.
   */
  public Optional<Long> acceptAsTenant(UUID tenantId, UUID channelId, String dedupKey, byte[] body,
      String headersJson) {
    Tenancy.requireOwnTransaction("storing a webhook");
    List<Long> stored = jdbc.sql("SELECT accept_webhook(?, ?, ?, ?, cast(? AS jsonb))")
        .params(tenantId, channelId, dedupKey, body, headersJson)
        .query((rs, n) -> {
          long id = rs.getLong(1);
          return rs.wasNull() ? null : id;
        })
        .list();
    return stored.isEmpty() ? Optional.empty() : Optional.ofNullable(stored.get(0));
  }

  /**
   * Takes the row if it still owes processing: it is marked processed and its attempt counted, and it
   * stays locked until the transaction ends, so one event is processed by one worker at a time. If
   * the processing fails the transaction rolls back and the row owes processing again. Empty when
   * the row is gone or someone processed it already.
   */
  public Optional<InboxRecord> claim(long id) {
    return jdbc.sql(CLAIM + "WHERE id = ? AND tenant_id = ? AND status = 'received' RETURNING *")
        .params(id, Tenancy.current())
        .query(InboxStore::record)
        .optional();
  }

  /**
   * Takes the tenant's oldest rows still owing processing that no one has tried yet, as
   * {@link #claim} does, oldest first; rows another worker holds are skipped rather than waited
   * for. Rows whose processing failed once are left to the recovery sweep, which takes them one at
   * a time.
   */
  public List<InboxRecord> claimUntried(int limit) {
    List<InboxRecord> rows = new ArrayList<>(jdbc.sql(CLAIM + """
            WHERE id IN (SELECT id FROM webhook_inbox WHERE tenant_id = ? AND status = 'received' AND attempts = 0
                         ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING *""")
        .params(Tenancy.current(), limit)
        .query(InboxStore::record)
        .list());
    rows.sort(Comparator.comparingLong(InboxRecord::id));
    return rows;
  }

  private static InboxRecord record(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new InboxRecord(rs.getLong("id"), Rows.uuid(rs, "channel_id"), rs.getString("dedup_key"),
        rs.getBytes("body"), rs.getString("headers"), Rows.instant(rs, "received_at"), rs.getString("status"),
        rs.getInt("attempts"));
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

  /** Gives claimed rows another final status than processed, with no error. */
  public void finishAs(List<Long> ids, String status) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql("UPDATE webhook_inbox SET status = ? WHERE id = ANY(?) AND tenant_id = ?")
        .params(status, ids.toArray(Long[]::new), Tenancy.current())
        .update();
  }

  /** Gives claimed rows back unprocessed and untried, as before the claim (they wait for something). */
  public void giveBack(List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql("""
            UPDATE webhook_inbox SET status = 'received', attempts = attempts - 1, processed_at = NULL
            WHERE id = ANY(?) AND tenant_id = ?""")
        .params(ids.toArray(Long[]::new), Tenancy.current())
        .update();
  }

  /** Gives a claimed row another final status than processed, with the reason. */
  public void finishAs(long id, String status, String error) {
    jdbc.sql("UPDATE webhook_inbox SET status = ?, last_error = ? WHERE id = ? AND tenant_id = ?")
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
