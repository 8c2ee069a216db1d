package ai.stockclerk.store;

import java.time.Instant;
import java.util.UUID;

/**
 * One stock event a channel told us, as the ledger applies it in a batch
 * ({@link StockLedger#applyEvents}): a quantity change of {@code amount} (a delta), or an absolute
 * level {@code amount} reported at {@code occurredAt}. Events of one {@code group} (one webhook)
 * are applied all or none: a group with a level report on an item whose push is in flight is held. {@code kind} names the movement (for a level
 * report: if the level went down; {@code kindUp} if it went up). {@code role} is how the channel
 * shows stock (TILL, ONLINE or AVAILABILITY), which decides whether the source must be pushed too.
 */
public record LedgerEvent(int group, UUID channelId, String externalId, boolean levelReport, int amount, Instant occurredAt,
    String eventId, MovementKind kind, MovementKind kindUp, String role) {

  /** What applying one event did. {@code outcome} is applied, held, unmapped, stale, baseline or unchanged. */
  public record Outcome(String outcome, UUID productId, String sku, int delta, String kind, int resultingStock,
      int lowStockThreshold) {

    public boolean applied() {
      return "applied".equals(outcome);
    }

    public boolean unmapped() {
      return "unmapped".equals(outcome);
    }

    /** Not applied: its group reports a level on an item whose push is in flight; try again later. */
    public boolean held() {
      return "held".equals(outcome);
    }
  }

  /** The outcome of each event, in the order given, and the channels that now owe a push. */
  public record Applied(java.util.List<Outcome> outcomes, java.util.List<UUID> channelsOwing) {}
}
