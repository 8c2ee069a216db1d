package ai.stockclerk.store;

import java.time.Instant;
import java.util.List;

/**
 * How a tenant wants alerts sent besides in-app. The webhook secret stays encrypted here and is
 * left out of {@link #toString()}.
 */
public record NotificationSettingsRecord(
    boolean emailEnabled,
    List<String> emailRecipients,
    boolean webhookEnabled,
    String webhookUrl,
    String webhookSecretEncrypted,
    String minimumSeverity,
    Instant updatedAt) {

  public static final NotificationSettingsRecord DEFAULTS =
      new NotificationSettingsRecord(false, List.of(), false, null, null, "low", null);

  public NotificationSettingsRecord {
    emailRecipients = emailRecipients == null ? List.of() : List.copyOf(emailRecipients);
  }

  @Override
  public String toString() {
    return "NotificationSettingsRecord[email=" + emailEnabled + ", recipients=" + emailRecipients.size()
        + ", webhook=" + webhookEnabled + ", minimumSeverity=" + minimumSeverity + "]";
  }
}
