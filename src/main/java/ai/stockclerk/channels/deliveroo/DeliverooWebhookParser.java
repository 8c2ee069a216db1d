package ai.stockclerk.channels.deliveroo;

import static ai.stockclerk.channels.support.WebhookJson.nonBlankStringOrNull;

import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.StockEvent.QuantityChange.Kind;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRejectedException.Reason;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.support.WebhookJson;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Deliveroo Order API webhooks: {@code {"event": "order.new" | "order.status_update", "body":
 * {"order": {id, status, created_at, items[{pos_item_id, quantity}]}}}}. A new order is a sale of
 * each item; a status update to a cancelled or rejected state gives the items back; other events
 * (rider updates, menu upload results) and other statuses give nothing. Items are keyed by
 * {@code pos_item_id}, the id our menu gave the item (the same id item unavailabilities take); an
 * item without one cannot be mapped and is skipped. The sequence GUID is the event id.
 */
final class DeliverooWebhookParser {

  private static final Set<String> GIVEN_BACK = Set.of("cancelled", "canceled", "rejected");

  private DeliverooWebhookParser() {}

  /**
   * Deliveroo sends every site's webhooks to the one URL set for the integration; the order names
   * its site in {@code location_id}. Read before verification, so it is only a lookup key.
   */
  static Optional<String> siteId(WebhookRequest request) {
    try {
      return Optional.ofNullable(nonBlankStringOrNull(object(request.body()).path("body").path("order"), "location_id"));
    } catch (WebhookRejectedException e) {
      return Optional.empty();
    }
  }

  static List<StockEvent> parse(WebhookRequest request) {
    JsonNode root = object(request.body());
    String event = nonBlankStringOrNull(root, "event");
    if (event == null) {
      throw new WebhookRejectedException(Reason.MALFORMED, "Deliveroo webhook lacks 'event'");
    }
    JsonNode order = root.path("body").path("order");
    Optional<Kind> kind = kindOf(event, nonBlankStringOrNull(order, "status"));
    if (kind.isEmpty()) {
      return List.of();
    }
    if (!order.isObject()) {
      throw new WebhookRejectedException(Reason.MALFORMED, "Deliveroo order webhook lacks the order");
    }
    String eventId = request.header(DeliverooWebhookVerifier.GUID_HEADER).orElse(null);
    // a sale happened when the order was placed; a cancellation when we heard of it
    Instant at = kind.get() == Kind.SALE ? instant(order, request.receivedAt()) : request.receivedAt();
    List<StockEvent> events = new ArrayList<>();
    quantities(order).forEach((item, qty) -> events.add(new StockEvent.QuantityChange(item, kind.get(), qty, eventId, at)));
    return events;
  }

  private static Optional<Kind> kindOf(String event, String status) {
    if ("order.new".equals(event)) {
      return Optional.of(Kind.SALE);
    }
    boolean givenBack = status != null && GIVEN_BACK.contains(status.toLowerCase(Locale.ROOT));
    return "order.status_update".equals(event) && givenBack ? Optional.of(Kind.CANCEL) : Optional.empty();
  }

  private static Map<String, Integer> quantities(JsonNode order) {
    JsonNode items = order.get("items");
    if (items == null || !items.isArray()) {
      throw new WebhookRejectedException(Reason.MALFORMED, "Deliveroo order lacks items");
    }
    Map<String, Integer> sums = new LinkedHashMap<>();
    for (JsonNode item : items) {
      JsonNode quantity = item.get("quantity");
      if (quantity == null || !quantity.isIntegralNumber() || !quantity.canConvertToInt() || quantity.intValue() < 0) {
        throw new WebhookRejectedException(Reason.MALFORMED, "Deliveroo order item lacks a quantity");
      }
      String id = nonBlankStringOrNull(item, "pos_item_id");
      if (id != null) {
        try {
          sums.merge(id, quantity.intValue(), Math::addExact);
        } catch (ArithmeticException e) {
          throw new WebhookRejectedException(Reason.MALFORMED, "Deliveroo order quantity out of range");
        }
      }
    }
    return sums;
  }

  private static JsonNode object(byte[] body) {
    return WebhookJson.parseVendorObject(body, "Deliveroo");
  }

  private static Instant instant(JsonNode order, Instant fallback) {
    String text = nonBlankStringOrNull(order, "created_at");
    if (text == null) {
      return fallback;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      throw new WebhookRejectedException(Reason.MALFORMED, "Deliveroo order 'created_at' is not a time");
    }
  }
}
