package ai.stockclerk.agents.alert;

import ai.stockclerk.store.AlertDeliveryStore;
import ai.stockclerk.store.AlertRecord;
import ai.stockclerk.store.NotificationSettingsRecord;
import ai.stockclerk.store.NotificationSettingsStore;
import java.time.Clock;
import java.util.UUID;

/**
 * Decides, when an alert opens, which sends it is owed under the tenant's settings, and records
 * them in the same transaction: the alert and its owed sends commit together or not at all.
 */
class DeliveryPlanner {

  private final NotificationSettingsStore settings;
  private final AlertDeliveryStore deliveries;
  private final Clock clock;
  private final boolean mailConfigured;

  DeliveryPlanner(NotificationSettingsStore settings, AlertDeliveryStore deliveries, Clock clock,
      boolean mailConfigured) {
    this.settings = settings;
    this.deliveries = deliveries;
    this.clock = clock;
    this.mailConfigured = mailConfigured;
  }

  void plan(AlertRecord alert) {
    NotificationSettingsRecord current = settings.get();
    AlertSeverity minimum = AlertSeverity.fromWireName(current.minimumSeverity()).orElse(AlertSeverity.LOW);
    AlertSeverity severity = AlertSeverity.fromWireName(alert.severity()).orElse(AlertSeverity.HIGH);
    if (!severity.atLeast(minimum)) {
      return;
    }
    String payload = AlertPayload.of(alert);
    if (mailConfigured && current.emailEnabled() && !current.emailRecipients().isEmpty()) {
      deliveries.create(UUID.randomUUID(), alert.id(), DeliveryMedium.EMAIL.wireName(), payload, clock.instant());
    }
    if (current.webhookEnabled() && current.webhookUrl() != null && current.webhookSecretEncrypted() != null) {
      deliveries.create(UUID.randomUUID(), alert.id(), DeliveryMedium.WEBHOOK.wireName(), payload, clock.instant());
    }
  }
}
