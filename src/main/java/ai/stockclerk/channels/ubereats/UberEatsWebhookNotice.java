package ai.stockclerk.channels.ubereats;

import static ai.stockclerk.channels.support.WebhookJson.nonBlankStringOrNull;

import ai.stockclerk.channels.StockEvent.QuantityChange.Kind;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRejectedException.Reason;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.support.WebhookJson;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * An Uber Eats webhook envelope: {@code event_id}, {@code event_type}, {@code event_time} (Unix
 * seconds), {@code meta.user_id} (the store id), {@code meta.resource_id} (the order id). Order
 * webhooks carry no line items: the order must be fetched to learn what was sold.
 */
record UberEatsWebhookNotice(String eventId, String eventType, String storeId, String orderId, Instant at) {

  static final String ORDER_PLACED = "orders.notification";
  static final String ORDER_CANCELLED = "orders.cancel";
  private static final long MAX_EPOCH_SECONDS = 253_402_300_799L;

  static UberEatsWebhookNotice read(WebhookRequest request) {
    JsonNode root = object(request.body());
    String eventId = nonBlankStringOrNull(root, "event_id");
    String eventType = nonBlankStringOrNull(root, "event_type");
    if (eventId == null || eventType == null) {
      throw new WebhookRejectedException(Reason.MALFORMED, "Uber Eats webhook lacks event_id or event_type");
    }
    JsonNode meta = root.path("meta");
    return new UberEatsWebhookNotice(
        eventId, eventType, nonBlankStringOrNull(meta, "user_id"), nonBlankStringOrNull(meta, "resource_id"),
        time(root, request.receivedAt()));
  }

  static Optional<String> storeIdOf(WebhookRequest request) {
    try {
      return Optional.ofNullable(nonBlankStringOrNull(object(request.body()).path("meta"), "user_id"));
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
    return WebhookJson.parseVendorObject(body, "Uber Eats");
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
