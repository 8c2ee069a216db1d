package ai.stockclerk.store;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appends to and reads the audit trail. Every method runs inside {@link Tenancy#inTenant}. */
@Repository
public class AuditTrail {

  private static final String WHERE = HistoryFilter.where("channel_id");

  private final JdbcClient jdbc;

  AuditTrail(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String type, String status, UUID channelId, UUID productId, String actor, String detailJson,
      String error) {
    jdbc.sql("""
            INSERT INTO audit_events (tenant_id, type, status, channel_id, product_id, actor, detail, error)
            VALUES (?, ?, ?, ?, ?, ?, cast(? AS jsonb), ?)""")
        .params(Tenancy.current(), type, status, channelId, productId, actor,
            detailJson == null ? "{}" : detailJson, error)
        .update();
  }

  public Page<AuditEvent> list(MovementQuery query, PageRequest page) {
    List<AuditEvent> items = HistoryFilter.bind(jdbc.sql("SELECT * FROM audit_events WHERE " + WHERE
            + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset"), query)
        .param("limit", page.size())
        .param("offset", page.offset())
        .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getString("type"), rs.getString("status"),
            Rows.uuid(rs, "channel_id"), Rows.uuid(rs, "product_id"), rs.getString("actor"),
            rs.getString("detail"), rs.getString("error"), Rows.instant(rs, "created_at")))
        .list();
    long total = HistoryFilter.bind(jdbc.sql("SELECT count(*) FROM audit_events WHERE " + WHERE), query)
        .query(Long.class)
        .single();
    return new Page<>(items, page.page(), page.size(), total);
  }

}
