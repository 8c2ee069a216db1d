package ai.stockclerk.channels.deliveroo;

import ai.stockclerk.channels.support.Json;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The site's item unavailabilities: items listed are {@code unavailable} (sold out until the end
 * of the trading day) or {@code hidden}; every item not listed is available. The docs show the
 * write shape ({@code item_unavailabilities[{item_id, status}]}); the read answer's exact shape was
 * not visible (UNCONFIRMED), so both that shape and the older {@code unavailable_ids} /
 * {@code hidden_ids} lists are read.
 */
record DeliverooUnavailabilities(Map<String, String> statusById) {

  static final String UNAVAILABLE = "unavailable";
  static final String HIDDEN = "hidden";
  static final String AVAILABLE = "available";

  static DeliverooUnavailabilities from(JsonNode answer) {
    Map<String, String> statuses = new HashMap<>();
    for (JsonNode entry : answer.path("item_unavailabilities")) {
      Json.text(entry, "item_id").ifPresent(id -> statuses.put(id, Json.text(entry, "status").orElse(UNAVAILABLE)));
    }
    answer.path("unavailable_ids").forEach(id -> statuses.put(id.asString(), UNAVAILABLE));
    answer.path("hidden_ids").forEach(id -> statuses.put(id.asString(), HIDDEN));
    statuses.values().removeIf(AVAILABLE::equals);
    return new DeliverooUnavailabilities(Map.copyOf(statuses));
  }

  int levelOf(String itemId) {
    return statusById.containsKey(itemId) ? 0 : 1;
  }

  boolean hidden(String itemId) {
    return HIDDEN.equals(statusById.get(itemId));
  }
}
