package ai.stockclerk.channels.square;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.support.Hmacs;
import ai.stockclerk.channels.support.Json;
import ai.stockclerk.channels.support.WebhookJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Square webhooks: {@code x-square-hmacsha256-signature} is the base64 HMAC-SHA256, keyed with the
 * subscription's signature key, of the notification URL exactly as registered followed by the raw
 * body. Behind a proxy the URL we see may differ, so setting {@code webhookUrl} can name the
 * registered one. No timestamp is signed; {@code event_id} de-duplicates redeliveries.
 */
final class SquareWebhooks {

  static final String SIGNATURE = "x-square-hmacsha256-signature";
  static final String COUNT_UPDATED = "inventory.count.updated";

  private SquareWebhooks() {}

  static void verify(ChannelConnection connection, WebhookRequest request) throws WebhookRejectedException {
    String key = connection.webhookSecret();
    if (key == null || key.isEmpty()) {
      throw WebhookJson.badSignature("no webhook signature key configured for the channel");
    }
    String received = request.header(SIGNATURE).orElseThrow(() -> WebhookJson.badSignature("missing " + SIGNATURE));
    String url = connection.setting("webhookUrl").orElse(request.url());
    byte[] expected = Hmacs.hmacSha256(key.getBytes(StandardCharsets.UTF_8),
        url.getBytes(StandardCharsets.UTF_8), request.body());
    if (!Hmacs.base64Matches(expected, received)) {
      throw WebhookJson.badSignature("signature does not match");
    }
  }

  /** The merchant id in the body, to route app-wide deliveries; read before the signature is checked. */
  static Optional<String> merchantOf(WebhookRequest request) {
    try {
      return Json.text(WebhookJson.parseObject(request.body()), "merchant_id");
    } catch (WebhookRejectedException unreadable) {
      return Optional.empty();
    }
  }

  static List<StockEvent> parse(ChannelConnection connection, WebhookRequest request) throws WebhookRejectedException {
    JsonNode body = WebhookJson.parseObject(request.body());
    String type = WebhookJson.requiredText(body, "type");
    if (!COUNT_UPDATED.equals(type)) {
      return List.of();
    }
    String eventId = WebhookJson.requiredText(body, "event_id");
    Instant created = body.has("created_at") ? WebhookJson.requiredTime(body, "created_at") : request.receivedAt();
    JsonNode counts = WebhookJson.requiredArray(
        WebhookJson.requiredObject(WebhookJson.requiredObject(body, "data"), "object"), "inventory_counts");
    Optional<String> location = connection.setting("locationId");
    List<StockEvent> events = new ArrayList<>();
    for (JsonNode count : counts) {
      if (!count.isObject()) {
        throw WebhookJson.malformed("inventory_counts holds a non-object");
      }
      boolean ourLocation = location.map(l -> l.equals(Json.text(count, "location_id").orElse(null))).orElse(true);
      if (ourLocation && "IN_STOCK".equals(Json.text(count, "state").orElse(""))) {
        Instant at = count.has("calculated_at") ? WebhookJson.requiredTime(count, "calculated_at") : created;
        events.add(new StockEvent.LevelReport(WebhookJson.requiredText(count, "catalog_object_id"),
            SquareQuantities.parse(WebhookJson.requiredText(count, "quantity"))
                .orElseThrow(() -> WebhookJson.malformed("unreadable quantity")),
            eventId, at));
      }
    }
    return events;
  }
}
