package ai.stockclerk.agents.sync;

import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.LevelUpdate;
import ai.stockclerk.store.PushState;
import java.util.OptionalInt;

/** The level a channel should show for an item, computed from current stock at push time. */
final class LevelsToShow {

  private LevelsToShow() {}

  static int of(ChannelType type, PushState state) {
    return type.valueToShow(state.stock(), state.bufferStock());
  }

  /** The channel is known to show it already: nothing to send. */
  static boolean alreadyShown(ChannelType type, PushState state, int level) {
    Integer known = state.reportedLevel();
    if (known == null || state.pushedLevel() == null) {
      return false;
    }
    return type.availabilityOnly() ? (known > 0) == (level > 0) : known == level;
  }

  /**
   * Carries the level we believe the channel shows, so vendors with compare-and-set refuse a push
   * that would overwrite a sale we have not heard of yet.
   */
  static LevelUpdate update(PushState state, int level) {
    OptionalInt expected = state.reportedLevel() == null ? OptionalInt.empty() : OptionalInt.of(state.reportedLevel());
    return new LevelUpdate(state.externalId(), level, expected, state.itemId() + "-" + state.dirtyVersion());
  }
}
