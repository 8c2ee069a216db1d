package ai.stockclerk.agents.sync;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelConnector;
import ai.stockclerk.channels.LevelUpdate;
import ai.stockclerk.store.PushState;
import java.util.List;
import java.util.Map;

/** What one sync run sends: the updates, and for each external id the state it clears. */
record PushPlan(ChannelConnection connection, ChannelConnector connector, List<LevelUpdate> updates,
    Map<String, PushState> byExternalId, boolean moreWaiting) {

  boolean isEmpty() {
    return updates.isEmpty();
  }
}
