package ai.stockclerk.agents.alert;

import java.util.List;

/**
 * A full replacement of a tenant's notification settings. {@code webhookSecret} null keeps the
 * stored secret; when the webhook is on and no secret exists or was given, one is generated.
 */
public record NotificationSettingsChange(
    boolean emailEnabled,
    List<String> emailRecipients,
    boolean webhookEnabled,
    String webhookUrl,
    String webhookSecret,
    String minimumSeverity) {

  @Override
  public String toString() {
    return "NotificationSettingsChange[email=" + emailEnabled + ", webhook=" + webhookEnabled + "]";
  }
}
