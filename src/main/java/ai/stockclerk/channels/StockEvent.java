package ai.stockclerk.channels;

import java.time.Instant;
import java.util.Objects;

/**
 * One stock fact a channel told us in a webhook, per item. {@code eventId} is the vendor's id for
 * de-duplication (may be shared by several items of one webhook); {@code occurredAt} is the time
 * the vendor gives, used to ignore reports older than one already seen.
 */
public sealed interface StockEvent {

  String externalId();

  String eventId();

  Instant occurredAt();

  /** The channel reports an absolute level (or, for availability-only channels, 1 or 0). */
  record LevelReport(String externalId, int level, String eventId, Instant occurredAt) implements StockEvent {
    public LevelReport {
      Objects.requireNonNull(externalId);
    }
  }

  /** A sale, return or cancellation of a quantity of the item. */
  record QuantityChange(String externalId, Kind kind, int quantity, String eventId, Instant occurredAt)
      implements StockEvent {

    /** Sales lower stock; returns and cancellations give it back. */
    public enum Kind {
      SALE,
      RETURN,
      CANCEL
    }

    public QuantityChange {
      Objects.requireNonNull(externalId);
      Objects.requireNonNull(kind);
      if (quantity < 0) {
        throw new IllegalArgumentException("quantity must not be negative");
      }
    }

    /** The change to central stock this event stands for. */
    public int delta() {
      return kind == Kind.SALE ? -quantity : quantity;
    }
  }
}
