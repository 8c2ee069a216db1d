package ai.stockclerk.agents.watcher;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What processing one inbox row did: changes, items we do not know, and channels that now owe a push. */
record WebhookOutcome(UUID channelId, List<AppliedChange> changes, List<String> unmapped, Set<UUID> channelsToSync, int echoes) {

  static final WebhookOutcome NOTHING = new WebhookOutcome(null, List.of(), List.of(), Set.of(), 0);
}
