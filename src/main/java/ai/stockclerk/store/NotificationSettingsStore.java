package ai.stockclerk.store;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tenant's alert notification settings. Every method runs inside {@link Tenancy#inTenant}. */
@Repository
public class NotificationSettingsStore {

  private final JdbcClient jdbc;

  NotificationSettingsStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The stored settings, or the defaults (in-app only) when the tenant never saved any. */
  public NotificationSettingsRecord get() {
    return jdbc.sql("SELECT * FROM notification_settings WHERE tenant_id = ?")
        .param(Tenancy.current())
        .query(NotificationSettingsStore::settings)
        .optional()
        .orElse(NotificationSettingsRecord.DEFAULTS);
  }

  public NotificationSettingsRecord save(NotificationSettingsRecord settings) {
    jdbc.sql("""
            INSERT INTO notification_settings (tenant_id, email_enabled, email_recipients, webhook_enabled,
                                               webhook_url, webhook_secret_encrypted, minimum_severity, updated_at)
            VALUES (?, ?, ?::text[], ?, ?, ?, ?, now())
            ON CONFLICT (tenant_id) DO UPDATE SET email_enabled = excluded.email_enabled,
              email_recipients = excluded.email_recipients, webhook_enabled = excluded.webhook_enabled,
              webhook_url = excluded.webhook_url, webhook_secret_encrypted = excluded.webhook_secret_encrypted,
              minimum_severity = excluded.minimum_severity, updated_at = now()""")
        .params(Tenancy.current(), settings.emailEnabled(), settings.emailRecipients().toArray(String[]::new),
            settings.webhookEnabled(), settings.webhookUrl(), settings.webhookSecretEncrypted(),
            settings.minimumSeverity())
        .update();
    return get();
  }

  private static NotificationSettingsRecord settings(ResultSet rs, int row) throws SQLException {
    Array recipients = rs.getArray("email_recipients");
    List<String> list = recipients == null ? List.of() : Arrays.asList((String[]) recipients.getArray());
    return new NotificationSettingsRecord(rs.getBoolean("email_enabled"), list, rs.getBoolean("webhook_enabled"),
        rs.getString("webhook_url"), rs.getString("webhook_secret_encrypted"), rs.getString("minimum_severity"),
        Rows.instant(rs, "updated_at"));
  }
}
