package ai.stockclerk.channels.otter;

import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.StockEvent.QuantityChange.Kind;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRejectedException.Reason;
import ai.stockclerk.channels.WebhookRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Otter envelope: {@code eventId}, {@code eventTime}, {@code eventType}, {@code metadata{storeId,
 * payload}}. Orders ({@code orders.*} with an Order payload) carry item quantities: a new order is a
 * sale of each item, an order whose status is {@code CANCELED} gives them back; other order updates
 * give nothing, so a status change never counts a sale twice. Availability changes made in Otter
 * ({@code menus.update_menu_entities_availabilities}) say nothing about how many units exist and
 * give no event: turned into 0/1 levels they would move central stock by a unit each time someone
 * toggles an item.
 */
final class OtterWebhookParser {

  static final String NEW_ORDER = "orders.new_order";
  private static final String CANCELED = "CANCELED";

  private OtterWebhookParser() {}

  static Optional<String> storeId(WebhookRequest request) {
    try {
      return Optional.ofNullable(OtterJson.text(OtterJson.object(request.body()).path("metadata"), "storeId"));
    } catch (WebhookRejectedException e) {
      return Optional.empty();
    }
  }

  static List<StockEvent> parse(WebhookRequest request) {
    JsonNode root = OtterJson.object(request.body());
    String eventType = OtterJson.text(root, "eventType");
    String eventId = OtterJson.text(root, "eventId");
    if (eventType == null || eventId == null) {
      throw new WebhookRejectedException(Reason.MALFORMED, "Otter webhook lacks eventType or eventId");
    }
    if (!eventType.startsWith("orders.")) {
      return List.of();
    }
    JsonNode order = root.path("metadata").path("payload");
    Optional<Kind> kind = kindOf(eventType, OtterJson.text(order, "status"));
    if (kind.isEmpty()) {
      return List.of();
    }
    Instant at = OtterJson.instant(root, "eventTime", request.receivedAt());
    List<StockEvent> events = new ArrayList<>();
    quantities(order).forEach((item, qty) -> events.add(new StockEvent.QuantityChange(item, kind.get(), qty, eventId, at)));
    return events;
  }

  private static Optional<Kind> kindOf(String eventType, String status) {
    if (CANCELED.equals(status)) {
      return Optional.of(Kind.CANCEL);
    }
    return NEW_ORDER.equals(eventType) ? Optional.of(Kind.SALE) : Optional.empty();
  }

  /** Quantity per item id, summed: one item may appear on several lines (different modifiers). */
  private static Map<String, Integer> quantities(JsonNode order) {
    JsonNode items = order.get("items");
    if (items == null || !items.isArray()) {
      throw new WebhookRejectedException(Reason.MALFORMED, "Otter order lacks items");
    }
    Map<String, Integer> sums = new LinkedHashMap<>();
    for (JsonNode item : items) {
      String id = OtterJson.text(item, "id");
      JsonNode quantity = item.get("quantity");
      if (id == null || quantity == null || !quantity.isIntegralNumber() || !quantity.canConvertToInt()
          || quantity.intValue() < 0) {
        throw new WebhookRejectedException(Reason.MALFORMED, "Otter order item lacks id or quantity");
      }
      try {
        sums.merge(id, quantity.intValue(), Math::addExact);
      } catch (ArithmeticException e) {
        throw new WebhookRejectedException(Reason.MALFORMED, "Otter order quantity out of range");
      }
    }
    return sums;
  }
}
