package ai.stockclerk.store;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * When each tenant's periodic alert check is next due. Claiming is one upsert that only succeeds
 * when the check is due, so of several nodes trying at once exactly one wins per interval.
 * Runs inside {@link Tenancy#inTenant}.
 */
@Repository
public class AlertCheckSchedule {

  private final JdbcClient jdbc;

  AlertCheckSchedule(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** True when {@code node} won the check due at {@code now}; the next one is then due at {@code next}. */
  public boolean claim(Instant now, Instant next, String node) {
    return jdbc.sql("""
            INSERT INTO alert_check_schedule (tenant_id, next_check_at, last_checked_at, last_checked_by)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (tenant_id) DO UPDATE SET next_check_at = excluded.next_check_at,
              last_checked_at = excluded.last_checked_at, last_checked_by = excluded.last_checked_by
            WHERE alert_check_schedule.next_check_at <= excluded.last_checked_at""")
        .params(Tenancy.current(), Rows.timestamp(next), Rows.timestamp(now), node)
        .update() == 1;
  }
}
