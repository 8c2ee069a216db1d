package ai.stockclerk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Guardian runs of the current tenant, newest first. Every method runs inside {@link Tenancy#inTenant}. */
@Repository
public class GuardianRunStore {

  private final JdbcClient jdbc;

  GuardianRunStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a finished run; its tenant must be the current one. */
  public void insert(GuardianRunRecord run) {
    if (!run.tenantId().equals(Tenancy.current())) {
      throw new IllegalStateException("a run is recorded in its own tenant's transaction");
    }
    jdbc.sql("""
            INSERT INTO guardian_runs (id, tenant_id, trigger, scope_channel_id, scope_product_id, status, started_at,
              finished_at, duration_ms, channels_checked, items_checked, drift_found, drift_repaired, drift_flagged,
              missing_items, unmatched_items, errors, report)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? AS jsonb))""")
        .params(run.id(), run.tenantId(), run.trigger(), run.scopeChannelId(), run.scopeProductId(), run.status(),
            Rows.timestamp(run.startedAt()), Rows.timestamp(run.finishedAt()), run.durationMs(), run.channelsChecked(),
            run.itemsChecked(), run.driftFound(), run.driftRepaired(), run.driftFlagged(), run.missingItems(),
            run.unmatchedItems(), run.errors(), run.reportJson())
        .update();
  }

  public Page<GuardianRunRecord> list(PageRequest page) {
    var items = jdbc.sql("SELECT * FROM guardian_runs WHERE tenant_id = ? ORDER BY started_at DESC, id LIMIT ? OFFSET ?")
        .params(Tenancy.current(), page.size(), page.offset())
        .query(GuardianRunStore::run)
        .list();
    long total = jdbc.sql("SELECT count(*) FROM guardian_runs WHERE tenant_id = ?")
        .param(Tenancy.current())
        .query(Long.class)
        .single();
    return new Page<>(items, page.page(), page.size(), total);
  }

  public Optional<GuardianRunRecord> find(UUID id) {
    return jdbc.sql("SELECT * FROM guardian_runs WHERE id = ? AND tenant_id = ?")
        .params(id, Tenancy.current())
        .query(GuardianRunStore::run)
        .optional();
  }

  static GuardianRunRecord run(ResultSet rs, int row) throws SQLException {
    return new GuardianRunRecord(Rows.uuid(rs, "id"), Rows.uuid(rs, "tenant_id"), rs.getString("trigger"),
        Rows.uuid(rs, "scope_channel_id"), Rows.uuid(rs, "scope_product_id"), rs.getString("status"),
        Rows.instant(rs, "started_at"), Rows.instant(rs, "finished_at"), rs.getLong("duration_ms"),
        rs.getInt("channels_checked"), rs.getInt("items_checked"), rs.getInt("drift_found"),
        rs.getInt("drift_repaired"), rs.getInt("drift_flagged"), rs.getInt("missing_items"),
        rs.getInt("unmatched_items"), rs.getInt("errors"), rs.getString("report"));
  }
}
