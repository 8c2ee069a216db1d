package ai.stockclerk.agents.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A tenant's notification settings as the API shows them. The webhook secret is never shown,
 * except {@code generatedWebhookSecret}: once, in the response of the change that generated it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationSettingsView(
    boolean emailEnabled,
    List<String> emailRecipients,
    boolean emailAvailable,
    boolean webhookEnabled,
    String webhookUrl,
    boolean webhookSecretSet,
    String minimumSeverity,
    Instant updatedAt,
    String generatedWebhookSecret) {

  @Override
  public String toString() {
    return "NotificationSettingsView[email=" + emailEnabled + ", webhook=" + webhookEnabled + "]";
  }
}
