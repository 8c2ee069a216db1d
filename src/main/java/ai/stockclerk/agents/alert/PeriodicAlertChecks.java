package ai.stockclerk.agents.alert;

import ai.stockclerk.store.AlertCheckSchedule;
import ai.stockclerk.store.Tenancy;
import ai.stockclerk.store.TenantStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The sweep behind the event-driven rules (events can be dropped; stock can change by paths that
 * publish none): every interval, each running tenant's low stock is checked once cluster-wide.
 * Nodes race for a tenant's check through one conditional upsert, so exactly one of them wins it.
 */
class PeriodicAlertChecks {

  private static final Logger LOG = LoggerFactory.getLogger(PeriodicAlertChecks.class);
  static final List<String> RUNNING_STATUSES = List.of("trial", "active");

  private final TenantStore tenants;
  private final AlertCheckSchedule schedule;
  private final AlertRules rules;
  private final Tenancy tenancy;
  private final Clock clock;
  private final Duration interval;
  private final String node;

  PeriodicAlertChecks(TenantStore tenants, AlertCheckSchedule schedule, AlertRules rules, Tenancy tenancy,
      Clock clock, Duration interval, String node) {
    this.tenants = tenants;
    this.schedule = schedule;
    this.rules = rules;
    this.tenancy = tenancy;
    this.clock = clock;
    this.interval = interval;
    this.node = node;
  }

  /** Checks every running tenant whose check is due and that no other node took; returns how many. */
  int runDue() {
    int checked = 0;
    for (UUID tenant : tenants.tenantIdsWithStatus(RUNNING_STATUSES)) {
      MDC.put("tenant", tenant.toString());
      try {
        Instant now = clock.instant();
        if (tenancy.inTenant(tenant, () -> schedule.claim(now, now.plus(interval), node))) {
          rules.checkTenant(tenant);
          checked++;
        }
      } catch (RuntimeException e) {
        LOG.error("periodic alert check of tenant {} failed; it runs again next interval", tenant, e);
      } finally {
        MDC.remove("tenant");
      }
    }
    return checked;
  }
}
