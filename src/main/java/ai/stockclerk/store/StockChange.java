package ai.stockclerk.store;

import java.util.Objects;
import java.util.UUID;

/** A change to one product's stock, as a delta, with where it came from. */
public record StockChange(
    UUID productId, int delta, MovementKind kind, UUID sourceChannelId, String sourceEvent, String reason) {
  public StockChange {
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(kind, "kind");
  }
}
