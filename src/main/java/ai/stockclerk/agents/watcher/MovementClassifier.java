package ai.stockclerk.agents.watcher;

import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.StockEvent.QuantityChange;
import ai.stockclerk.store.MovementKind;

/** Names why stock moved, from what the channel told us and what kind of channel it is. */
final class MovementClassifier {

  private MovementClassifier() {}

  /** A level a channel reported went down (sold) or up: counted in at the till, corrected online. */
  static MovementKind ofLevelChange(ChannelType channel, int delta) {
    if (delta < 0) {
      return MovementKind.SALE;
    }
    return channel.role() == ChannelType.Role.TILL ? MovementKind.RESTOCK : MovementKind.ADJUSTMENT;
  }

  /** Orders sell, returns come back, a cancelled order gives its stock back as an order movement. */
  static MovementKind ofQuantityChange(QuantityChange.Kind kind) {
    return switch (kind) {
      case SALE -> MovementKind.SALE;
      case RETURN -> MovementKind.RETURN;
      case CANCEL -> MovementKind.ORDER;
    };
  }
}
