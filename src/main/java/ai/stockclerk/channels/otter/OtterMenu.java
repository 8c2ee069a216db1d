package ai.stockclerk.channels.otter;

import ai.stockclerk.channels.CatalogItem;
import ai.stockclerk.channels.support.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Items of the store's menus from {@code GET /v1/menus}. Otter keeps items by id; we read both an
 * object keyed by id and a plain array (the exact container is UNCONFIRMED). An item is for sale
 * when its {@code status.saleStatus} (or {@code saleStatus}) is {@code FOR_SALE}; both
 * {@code TEMPORARILY_NOT_FOR_SALE} and {@code INDEFINITELY_NOT_FOR_SALE} read as 0.
 */
record OtterMenu(Map<String, JsonNode> itemsById) {

  static OtterMenu from(JsonNode answer) {
    Map<String, JsonNode> items = new LinkedHashMap<>();
    for (JsonNode menu : answer.isArray() ? answer : answer.path("menus").isArray() ? answer.path("menus") : List.of(answer)) {
      for (JsonNode item : menu.path("items")) {
        Json.text(item, "id").ifPresent(id -> items.put(id, item));
      }
    }
    return new OtterMenu(items);
  }

  boolean has(String id) {
    return itemsById.containsKey(id);
  }

  int levelOf(String id) {
    JsonNode item = itemsById.get(id);
    String status = Json.text(item.path("status"), "saleStatus").or(() -> Json.text(item, "saleStatus")).orElse("FOR_SALE");
    return "FOR_SALE".equals(status) ? 1 : 0;
  }

  List<CatalogItem> catalog() {
    return itemsById.entrySet().stream()
        .map(e -> new CatalogItem(e.getKey(), Json.text(e.getValue(), "skuId").orElse(null), null,
            Json.text(e.getValue(), "name").orElse(null), levelOf(e.getKey())))
        .toList();
  }
}
