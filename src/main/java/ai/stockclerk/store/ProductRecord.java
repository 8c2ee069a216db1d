package ai.stockclerk.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A product and its central stock, the truth every channel is synced from. Stock may be negative:
 * an oversell is recorded, never hidden; channels are shown at least zero.
 */
public record ProductRecord(
    UUID id,
    UUID tenantId,
    String sku,
    String name,
    String barcode,
    int stock,
    int bufferStock,
    Integer lowStockThreshold,
    Instant createdAt,
    Instant updatedAt) {

  /** Low stock is at or below this; without an explicit threshold it is the buffer plus five. */
  public int effectiveLowStockThreshold() {
    return effectiveLowStockThreshold(lowStockThreshold, bufferStock);
  }

  public static int effectiveLowStockThreshold(Integer lowStockThreshold, int bufferStock) {
    return lowStockThreshold != null ? lowStockThreshold : bufferStock + 5;
  }
}
