package ai.stockclerk.agents.alert;

import ai.stockclerk.store.AlertDeliveryRecord;
import ai.stockclerk.store.NotificationSettingsRecord;
import java.util.Optional;

/** Sends one planned delivery by one medium under the tenant's current settings. */
interface AlertSender {

  /** Why this delivery must not be sent any more (the tenant turned the medium off), if so. */
  Optional<String> cancelReason(NotificationSettingsRecord settings);

  void send(AlertDeliveryRecord delivery, NotificationSettingsRecord settings) throws SendFailure;
}
