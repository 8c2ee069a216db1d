package ai.stockclerk.channels.eposnow;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One product's stock at one location, as Epos Now returns it from {@code ProductStock}: V4 gives
 * {@code ProductId}, {@code LocationId} and {@code ProductStockBatches[].CurrentStock} (the level is
 * the sum of the batches); V2 gives {@code StockID}, {@code ProductID}, {@code LocationID} and
 * {@code CurrentStock}. Both shapes are read; anything else is not a stock record.
 */
record EposnowStockRecord(String productId, String locationId, String stockId, long level) {

  /** Beyond this a level is not a count of goods; such a record is not read as stock. */
  private static final long MAX_LEVEL = 1_000_000_000L;

  static Optional<EposnowStockRecord> from(JsonNode node) {
    String productId = EposnowJson.id(node, "ProductId");
    if (productId == null) {
      return Optional.empty();
    }
    Long level = levelOf(node);
    if (level == null) {
      return Optional.empty();
    }
    return Optional.of(
        new EposnowStockRecord(productId, EposnowJson.id(node, "LocationId"), EposnowJson.id(node, "StockID"), level));
  }

  boolean atLocation(Optional<String> wanted) {
    return wanted.isEmpty() || locationId == null || wanted.get().equals(locationId);
  }

  private static Long levelOf(JsonNode node) {
    JsonNode batches = EposnowJson.field(node, "ProductStockBatches");
    if (batches != null && batches.isArray()) {
      long sum = 0;
      for (JsonNode batch : batches) {
        Long current = EposnowJson.whole(batch, "CurrentStock");
        if (current == null) {
          return null;
        }
        if (Math.abs(current) > MAX_LEVEL) {
          return null;
        }
        sum += current;
      }
      return Math.abs(sum) > MAX_LEVEL ? null : sum;
    }
    Long level = EposnowJson.whole(node, "CurrentStock");
    return level == null || Math.abs(level) > MAX_LEVEL ? null : level;
  }
}
