package ai.stockclerk.store;

import java.util.UUID;

/** A product's stock against its effective low-stock threshold (explicit, else buffer + 5). */
public record LowStockLevel(UUID productId, String sku, String name, int stock, int threshold) {

  public boolean isLow() {
    return stock <= threshold;
  }
}
