package ai.stockclerk.channels.ubereats;

import ai.stockclerk.channels.StockEvent.QuantityChange.Kind;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRejectedException.Reason;
import ai.stockclerk.channels.WebhookRequest;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Uber Eats webhook envelope: {@code event_id}, {@code event_type}, {@code event_time} (Unix
 * seconds), {@code meta.user_id} (the store id), {@code meta.resource_id} (the order id). Order
 * webhooks carry no line items: the order must be fetched to learn what was sold.
 */
record UberEatsWebhookNotice(String eventId, String eventType, String storeId, String orderId, Instant at) {

  static final String ORDER_PLACED = "orders.notification";
  static final String ORDER_CANCELLED = "orders.cancel";
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final long MAX_EPOCH_SECONDS = 253_402_300_799L;

  static UberEatsWebhookNotice read(WebhookRequest request) {
    JsonNode root = object(request.body());
    String eventId = text(root, "event_id");
    String eventType = text(root, "event_type");
    if (eventId == null || eventType == null) {
      throw new WebhookRejectedException(Reason.MALFORMED, "Uber Eats webhook lacks event_id or event_type");
    }
    JsonNode meta = root.path("meta");
    return new UberEatsWebhookNotice(
        eventId, eventType, text(meta, "user_id"), text(meta, "resource_id"), time(root, request.receivedAt()));
  }

  static Optional<String> storeIdOf(WebhookRequest request) {
    try {
      return Optional.ofNullable(text(object(request.body()).path("meta"), "user_id"));
    } catch (WebhookRejectedException e) {
      return Optional.empty();
    }
  }

  /** What the order webhook means for stock; empty for events that are not about items sold. */
  Optional<Kind> orderKind() {
    return switch (eventType) {
      case ORDER_PLACED -> Optional.of(Kind.SALE);
      case ORDER_CANCELLED -> Optional.of(Kind.CANCEL);
      default -> Optional.empty();
    };
  }

  private static JsonNode object(byte[] body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (JacksonException e) {
      // typed rejection below
    }
    throw new WebhookRejectedException(Reason.MALFORMED, "Uber Eats webhook body is not a JSON object");
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
  }

  private static Instant time(JsonNode root, Instant fallback) {
    JsonNode value = root.get("event_time");
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0
        || value.longValue() > MAX_EPOCH_SECONDS) {
      throw new WebhookRejectedException(Reason.MALFORMED, "Uber Eats event_time is not Unix seconds");
    }
    return Instant.ofEpochSecond(value.longValue());
  }
}
