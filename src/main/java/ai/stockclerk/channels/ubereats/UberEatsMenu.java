package ai.stockclerk.channels.ubereats;

import ai.stockclerk.channels.CatalogItem;
import ai.stockclerk.channels.support.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The store's menu as {@code GET /v2/eats/stores/{store_id}/menus} returns it: flat, cross-
 * referenced arrays; items carry {@code id}, {@code title.translations}, {@code external_data}
 * and {@code suspension_info.suspension.suspend_until} (Unix seconds). An item is suspended while
 * that time lies in the future.
 */
record UberEatsMenu(Map<String, JsonNode> itemsById) {

  static UberEatsMenu from(JsonNode menu) {
    Map<String, JsonNode> items = new LinkedHashMap<>();
    for (JsonNode item : menu.path("items")) {
      Json.text(item, "id").ifPresent(id -> items.put(id, item));
    }
    return new UberEatsMenu(items);
  }

  boolean has(String itemId) {
    return itemsById.containsKey(itemId);
  }

  int levelOf(String itemId, Instant now) {
    long until = itemsById.get(itemId).path("suspension_info").path("suspension").path("suspend_until").asLong(0);
    return until > now.getEpochSecond() ? 0 : 1;
  }

  List<CatalogItem> catalog(Instant now) {
    return itemsById.entrySet().stream()
        .map(e -> new CatalogItem(e.getKey(), Json.text(e.getValue(), "external_data").orElse(null), null,
            title(e.getValue().path("title").path("translations")), levelOf(e.getKey(), now)))
        .toList();
  }

  private static String title(JsonNode translations) {
    return Json.text(translations, "en_us")
        .or(() -> Json.text(translations, "en"))
        .orElseGet(() -> translations.isObject() && !translations.isEmpty() ? translations.iterator().next().asString() : null);
  }
}
