package ai.stockclerk.channels.wix;

import ai.stockclerk.channels.CatalogItem;
import ai.stockclerk.channels.support.Json;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A catalog V3 inventory item: one variant at one location, our external id. {@code quantity} is
 * empty when the item does not track quantities (Wix then keeps only in/out of stock).
 */
record WixInventoryItem(String id, String revision, Optional<Integer> quantity, String name, String sku) {

  static Optional<WixInventoryItem> from(JsonNode node) {
    Optional<String> id = Json.text(node, "id");
    if (id.isEmpty()) {
      return Optional.empty();
    }
    boolean tracked = node.path("trackQuantity").asBoolean(false);
    JsonNode product = node.path("product");
    return Optional.of(
        new WixInventoryItem(
            id.get(),
            Json.text(node, "revision").orElse(null),
            tracked ? Json.integer(node, "quantity") : Optional.empty(),
            Json.text(product, "name").orElse(null),
            Json.text(product, "variantSku").orElse(null)));
  }

  CatalogItem toCatalogItem() {
    return new CatalogItem(id, sku, null, name, quantity.orElse(null));
  }
}
