package ai.stockclerk.channels.ubereats;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.channels.ChannelException.Failure;
import ai.stockclerk.channels.support.BaseUrls;
import ai.stockclerk.channels.support.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An order fetched with {@code GET /v2/eats/order/{order_id}} (the webhook's {@code resource_href}
 * points there; we build the URL from our own base instead of following a link from the body).
 * Items are {@code cart.items[{id, quantity}]}, summed per item id.
 */
record UberEatsOrder(Map<String, Integer> quantities) {

  static UberEatsOrder fetch(UberEatsApi api, ChannelConnection connection, String orderId) {
    JsonNode order = api.get(connection, "/v2/eats/order/" + BaseUrls.encode(orderId));
    Map<String, Integer> quantities = new LinkedHashMap<>();
    for (JsonNode item : order.path("cart").path("items")) {
      String id = Json.text(item, "id").orElse(null);
      Integer quantity = Json.integer(item, "quantity").orElse(null);
      if (id == null || quantity == null || quantity < 0) {
        throw new ChannelException("Uber Eats order has an item without id or quantity", connection,
            Failure.ITEM_PERMANENT, null, null);
      }
      quantities.merge(id, quantity, Math::addExact);
    }
    return new UberEatsOrder(quantities);
  }
}
