package ai.stockclerk.store;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-tenant counters of what each agent did. Every method runs inside {@link Tenancy#inTenant}. */
@Repository
public class AgentActivityStore {

  /** One agent's totals for the tenant. */
  public record Activity(String agent, long processed, long errors, Instant lastActivityAt, String lastError,
      Instant lastErrorAt) {}

  private final JdbcClient jdbc;

  AgentActivityStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void add(String agent, long processed, long errors, Instant lastActivity, String lastError,
      Instant lastErrorAt) {
    jdbc.sql("""
            INSERT INTO agent_activity AS a (tenant_id, agent, processed, errors, last_activity_at, last_error,
                                             last_error_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (tenant_id, agent) DO UPDATE SET
              processed = a.processed + excluded.processed, errors = a.errors + excluded.errors,
              last_activity_at = greatest(a.last_activity_at, excluded.last_activity_at),
              last_error = coalesce(excluded.last_error, a.last_error),
              last_error_at = coalesce(excluded.last_error_at, a.last_error_at)""")
        .params(Tenancy.current(), agent, processed, errors, Rows.timestamp(lastActivity), lastError,
            Rows.timestamp(lastErrorAt))
        .update();
  }

  public List<Activity> list() {
    return jdbc.sql("SELECT * FROM agent_activity WHERE tenant_id = ? ORDER BY agent")
        .param(Tenancy.current())
        .query((rs, n) -> new Activity(rs.getString("agent"), rs.getLong("processed"), rs.getLong("errors"),
            Rows.instant(rs, "last_activity_at"), rs.getString("last_error"), Rows.instant(rs, "last_error_at")))
        .list();
  }
}
