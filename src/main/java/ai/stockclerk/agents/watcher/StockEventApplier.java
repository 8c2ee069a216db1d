package ai.stockclerk.agents.watcher;

import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.StockEvent.LevelReport;
import ai.stockclerk.channels.StockEvent.QuantityChange;
import ai.stockclerk.store.LedgerEvent;
import ai.stockclerk.store.StockLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Applies the stock events of webhooks inside the tenant's transaction (the caller's), all of them
 * in one round trip through the ledger ({@link StockLedger#applyEvents}): each item's product is
 * found, the event becomes a delta (an echo of our own push, a stale report or a first baseline
 * moves nothing), the other channels are marked dirty, and so is the source channel when the level
 * it shows must differ.
 */
@Component
class StockEventApplier {

  private final StockLedger ledger;

  StockEventApplier(StockLedger ledger) {
    this.ledger = ledger;
  }

  /** One webhook's parsed events, to apply into its own outcome. */
  record Webhook(Applying into, ChannelType type, List<StockEvent> events) {}

  /**
   * Applies several webhooks' events, product by product and in each product in arrival order:
   * products and their channel items are then locked in one order by every batch and every push
   * settlement, so two of them never wait on each other. A webhook reporting a level on an item
   * whose push is in flight is held whole ({@link Applying#held}), the others go through. Returns
   * the channels that owe a push of a product the webhooks moved.
   */
  List<UUID> applyAll(List<Webhook> webhooks) {
    List<LedgerEvent> events = new ArrayList<>();
    List<Applying> into = new ArrayList<>();
    for (int group = 0; group < webhooks.size(); group++) {
      Webhook webhook = webhooks.get(group);
      for (StockEvent event : webhook.events()) {
        events.add(ledgerEvent(group, webhook.into().channelId, webhook.type(), event));
        into.add(webhook.into());
      }
    }
    LedgerEvent.Applied applied = ledger.applyEvents(events);
    for (int i = 0; i < events.size(); i++) {
      LedgerEvent.Outcome outcome = applied.outcomes().get(i);
      Applying applying = into.get(i);
      if (outcome.held()) {
        applying.held = true;
      } else if (outcome.unmapped()) {
        applying.unmapped.add(events.get(i).externalId());
      } else if (outcome.applied()) {
        applying.changes.add(new AppliedChange(outcome.productId(), outcome.sku(), outcome.resultingStock(),
            outcome.lowStockThreshold(), outcome.delta(), outcome.kind(), applying.channelId));
      }
    }
    return applied.channelsOwing();
  }

  /**
   * An absolute level becomes a delta against the last level known for the item; the level we last
   * pushed is that known level, so our own push echoed back moves nothing. A quantity is a delta.
   */
  private static LedgerEvent ledgerEvent(int group, UUID channelId, ChannelType type, StockEvent event) {
    String role = type.role().name();
    if (event instanceof LevelReport report) {
      return new LedgerEvent(group, channelId, report.externalId(), true, report.level(), report.occurredAt(),
          report.eventId(), MovementClassifier.ofLevelChange(type, -1), MovementClassifier.ofLevelChange(type, 1),
          role);
    }
    QuantityChange change = (QuantityChange) event;
    return new LedgerEvent(group, channelId, change.externalId(), false, change.delta(), change.occurredAt(),
        change.eventId(), MovementClassifier.ofQuantityChange(change.kind()), null, role);
  }

  /** What one webhook's events did so far. */
  static final class Applying {
    private final UUID channelId;
    private final List<AppliedChange> changes = new ArrayList<>();
    private final List<String> unmapped = new ArrayList<>();
    private boolean held;

    Applying(UUID channelId) {
      this.channelId = channelId;
    }

    /** Nothing of the webhook was applied: it reports a level on an item whose push is in flight. */
    boolean held() {
      return held;
    }

    WebhookOutcome outcome() {
      return new WebhookOutcome(channelId, changes, unmapped);
    }
  }
}
