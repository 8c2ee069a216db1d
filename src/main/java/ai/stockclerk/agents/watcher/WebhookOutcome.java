package ai.stockclerk.agents.watcher;

import ai.stockclerk.store.InboxStore;
import java.util.List;
import java.util.UUID;

/**
 * What processing one inbox row did: changes, items we do not know, and the status (with its
 * reason, when it has one of its own) the row is finished with.
 */
record WebhookOutcome(UUID channelId, List<AppliedChange> changes, List<String> unmapped, String status,
    String error) {

  WebhookOutcome(UUID channelId, List<AppliedChange> changes, List<String> unmapped) {
    this(channelId, changes, unmapped, null, null);
  }

  static WebhookOutcome ignored(String reason) {
    return new WebhookOutcome(null, List.of(), List.of(), InboxStore.IGNORED, reason);
  }

  static WebhookOutcome failed(String reason) {
    return new WebhookOutcome(null, List.of(), List.of(), InboxStore.FAILED, reason);
  }

  WebhookOutcome withStatus(String value) {
    return new WebhookOutcome(channelId, changes, unmapped, value, error);
  }
}
