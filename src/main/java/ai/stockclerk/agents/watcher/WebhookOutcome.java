package ai.stockclerk.agents.watcher;

import ai.stockclerk.store.InboxStore;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What processing one inbox row did: changes, items we do not know, channels that now owe a push,
 * and the status (with its reason) the row is to be finished with, or null once it has been.
 */
record WebhookOutcome(UUID channelId, List<AppliedChange> changes, List<String> unmapped, Set<UUID> channelsToSync,
    int echoes, String status, String error) {

  static final WebhookOutcome NOTHING = new WebhookOutcome(null, List.of(), List.of(), Set.of(), 0, null, null);

  WebhookOutcome(UUID channelId, List<AppliedChange> changes, List<String> unmapped, Set<UUID> channelsToSync,
      int echoes) {
    this(channelId, changes, unmapped, channelsToSync, echoes, null, null);
  }

  static WebhookOutcome ignored(String reason) {
    return new WebhookOutcome(null, List.of(), List.of(), Set.of(), 0, InboxStore.IGNORED, reason);
  }

  static WebhookOutcome failed(String reason) {
    return new WebhookOutcome(null, List.of(), List.of(), Set.of(), 0, InboxStore.FAILED, reason);
  }

  WebhookOutcome withStatus(String value) {
    return new WebhookOutcome(channelId, changes, unmapped, channelsToSync, echoes, value, error);
  }
}
