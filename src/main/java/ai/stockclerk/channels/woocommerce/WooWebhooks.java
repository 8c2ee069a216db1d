package ai.stockclerk.channels.woocommerce;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.support.Hmacs;
import ai.stockclerk.channels.support.Json;
import ai.stockclerk.channels.support.WebhookJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * WooCommerce webhooks: {@code X-WC-Webhook-Signature} is the base64 HMAC-SHA256 of the raw body
 * with the webhook's secret; no timestamp is signed. The body is the bare resource (a product or
 * a variation, as {@code GET products/{id}} returns it), topic in {@code X-WC-Webhook-Topic}.
 */
final class WooWebhooks {

  static final String SIGNATURE = "X-WC-Webhook-Signature";
  static final String TOPIC = "X-WC-Webhook-Topic";
  static final String SOURCE = "X-WC-Webhook-Source";
  static final String DELIVERY_ID = "X-WC-Webhook-Delivery-ID";
  static final Set<String> PRODUCT_TOPICS = Set.of("product.created", "product.updated", "product.restored");
  /** The unsigned ping WooCommerce sends when a webhook is saved; it must get a 200. */
  private static final Pattern PING = Pattern.compile("webhook_id=\\d{1,18}");

  private WooWebhooks() {}

  static void verify(ChannelConnection connection, WebhookRequest request) throws WebhookRejectedException {
    Optional<String> received = request.header(SIGNATURE);
    if (received.isEmpty() && isPing(request)) {
      return; // carries no stock fact, so accepting it unsigned cannot change anything
    }
    String secret = connection.webhookSecret();
    if (secret == null || secret.isEmpty()) {
      throw WebhookJson.badSignature("no webhook secret configured for the channel");
    }
    byte[] expected = Hmacs.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), request.body());
    if (!Hmacs.base64Matches(expected, received.orElseThrow(() -> WebhookJson.badSignature("missing " + SIGNATURE)))) {
      throw WebhookJson.badSignature("signature does not match");
    }
  }

  static List<StockEvent> parse(WebhookRequest request) throws WebhookRejectedException {
    if (request.header(SIGNATURE).isEmpty() && isPing(request)) {
      return List.of();
    }
    String topic = request.header(TOPIC).orElseThrow(() -> WebhookJson.malformed("missing " + TOPIC));
    JsonNode product = WebhookJson.parseObject(request.body());
    if (!PRODUCT_TOPICS.contains(topic)) {
      return List.of(); // orders change Woo's stock themselves; the product.updated that follows reports it
    }
    long id = WebhookJson.requiredInt(product, "id");
    long parent = Json.integer(product, "parent_id").orElse(0);
    if (!product.path("manage_stock").asBoolean(false) || "variable".equals(Json.text(product, "type").orElse(""))) {
      return List.of(); // no count kept here: untracked, or a parent whose variations keep stock
    }
    // Negative when backordered: kept as is, so the delta to the last level counts every sale.
    int level = WebhookJson.requiredInt(product, "stock_quantity");
    WooItemId item = WooItemId.of(id, parent);
    Instant modified = modifiedAt(product).orElse(request.receivedAt());
    return List.of(new StockEvent.LevelReport(item.toString(), level, eventId(item, modified, level), modified));
  }

  static boolean isPing(WebhookRequest request) {
    return PING.matcher(new String(request.body(), StandardCharsets.US_ASCII)).matches();
  }

  /**
   * WooCommerce never redelivers and its delivery id is unique per delivery, yet one save can
   * fire two deliveries: the id is the content (item, modification time, level) instead.
   */
  private static String eventId(WooItemId item, Instant modified, int level) {
    return "wc:" + item + "@" + modified + "#" + level;
  }

  /** {@code date_modified_gmt} has no offset; it is UTC by its name. */
  private static Optional<Instant> modifiedAt(JsonNode product) {
    return Json.text(product, "date_modified_gmt").flatMap(text -> {
      try {
        return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException unreadable) {
        return Optional.empty();
      }
    });
  }
}
