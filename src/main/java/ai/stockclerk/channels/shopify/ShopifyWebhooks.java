package ai.stockclerk.channels.shopify;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.support.Hmacs;
import ai.stockclerk.channels.support.Json;
import ai.stockclerk.channels.support.WebhookJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Shopify webhooks: {@code X-Shopify-Hmac-Sha256} is the base64 HMAC-SHA256 of the raw body with
 * the app's client secret; no timestamp is signed (so there is no replay window to check: the
 * event id de-duplicates). Only {@code inventory_levels/update} carries stock; orders already
 * lowered Shopify's own stock, which then arrives as an inventory level update.
 */
final class ShopifyWebhooks {

  static final String SIGNATURE = "X-Shopify-Hmac-Sha256";
  static final String TOPIC = "X-Shopify-Topic";
  static final String SHOP_DOMAIN = "X-Shopify-Shop-Domain";
  static final String EVENT_ID = "X-Shopify-Event-Id";
  static final String WEBHOOK_ID = "X-Shopify-Webhook-Id";
  static final String INVENTORY_TOPIC = "inventory_levels/update";

  private ShopifyWebhooks() {}

  static void verify(ChannelConnection connection, WebhookRequest request) throws WebhookRejectedException {
    String secret = connection.webhookSecret();
    if (secret == null || secret.isEmpty()) {
      throw WebhookJson.badSignature("no webhook secret configured for the channel");
    }
    String received = request.header(SIGNATURE)
        .orElseThrow(() -> WebhookJson.badSignature("missing " + SIGNATURE));
    byte[] expected = Hmacs.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), request.body());
    if (!Hmacs.base64Matches(expected, received)) {
      throw WebhookJson.badSignature("signature does not match");
    }
  }

  static List<StockEvent> parse(ChannelConnection connection, WebhookRequest request) throws WebhookRejectedException {
    String topic = request.header(TOPIC).orElseThrow(() -> WebhookJson.malformed("missing " + TOPIC));
    JsonNode body = WebhookJson.parseObject(request.body());
    if (!INVENTORY_TOPIC.equals(topic)) {
      return List.of();
    }
    String itemId = ShopifyIds.numeric(WebhookJson.requiredText(body, "inventory_item_id"))
        .orElseThrow(() -> WebhookJson.malformed("inventory_item_id is not a Shopify id"));
    String locationId = ShopifyIds.numeric(WebhookJson.requiredText(body, "location_id"))
        .orElseThrow(() -> WebhookJson.malformed("location_id is not a Shopify id"));
    if (!locationId.equals(ShopifyConnector.locationOf(connection).orElse(locationId))) {
      return List.of(); // another location's stock: this channel syncs one location only
    }
    Optional<Integer> available = Json.integer(body, "available");
    if (available.isEmpty()) {
      if (body.has("available") && body.get("available").isNull()) {
        return List.of(); // the item is not tracked: no level to report
      }
      throw WebhookJson.malformed("missing or non-integer 'available'");
    }
    Instant at = body.has("updated_at") ? WebhookJson.requiredTime(body, "updated_at") : request.receivedAt();
    String eventId = request.header(EVENT_ID).or(() -> request.header(WEBHOOK_ID)).orElse(null);
    return List.of(new StockEvent.LevelReport(itemId, available.get(), eventId, at));
  }
}
