package ai.stockclerk.channels.simulator;

import ai.stockclerk.channels.support.Hmacs;
import ai.stockclerk.channels.support.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deliveroo direct, an availability-only channel: the OAuth token endpoint (300 s tokens), the
 * site's item unavailabilities (GET, and POST that changes only the listed items and fails whole
 * with 404 on an unknown id), the uploaded menu, and {@code order.new} webhooks signed with the hex
 * HMAC-SHA256 of the sequence GUID, a space and the body. An item with level 0 is unavailable; a
 * POST with {@code available} gives a sold-out item level 1 and leaves a stocked one as it is.
 */
public final class DeliverooDialect implements SimulatorDialect {

  public static final String BRAND_ID = "sim-brand";
  public static final String SITE_ID = "sim-site";
  public static final String MENU_ID = "sim-menu";
  private static final Pattern UNAVAILABILITIES =
      Pattern.compile("/v2/brands/([^/]+)/sites/([^/]+)/menu/item_unavailabilities");

  @Override
  public String vendor() {
    return "deliveroo";
  }

  @Override
  public Optional<SimResponse> handle(SimRequest request, SimulatedStore store) {
    String path = request.path();
    if (request.method().equals("POST") && path.equals("/oauth2/token")) {
      return Optional.of(SimResponse.json(200, Json.object()
          .put("access_token", "sim-" + UUID.randomUUID()).put("token_type", "bearer").put("expires_in", 300)));
    }
    if (!request.headers().getOrDefault("authorization", "").startsWith("Bearer ")) {
      return Optional.of(unauthorized());
    }
    Matcher site = UNAVAILABILITIES.matcher(path);
    if (site.matches()) {
      if (!BRAND_ID.equals(site.group(1)) || !SITE_ID.equals(site.group(2))) {
        return Optional.of(SimResponse.json(404, Json.object().put("message", "site not found")));
      }
      return Optional.of(request.method().equals("POST") ? update(request.json(), store) : unavailable(store));
    }
    if (request.method().equals("GET") && path.equals("/v1/brands/" + BRAND_ID + "/menus/" + MENU_ID)) {
      return Optional.of(menu(store));
    }
    return Optional.empty();
  }

  @Override
  public OutgoingWebhook stockChanged(SimulatedItem item, int soldQuantity, URI target, String secret, Instant at) {
    ObjectNode body = Json.object().put("event", "order.new");
    ObjectNode order = body.putObject("body").putObject("order")
        .put("id", "gb:" + UUID.randomUUID()).put("location_id", SITE_ID).put("brand_id", BRAND_ID)
        .put("status", "placed").put("created_at", at.toString());
    order.putArray("items").addObject().put("pos_item_id", item.externalId()).put("name", item.name())
        .put("quantity", soldQuantity);
    byte[] raw = Json.write(body).getBytes(StandardCharsets.UTF_8);
    String guid = UUID.randomUUID().toString();
    byte[] mac = Hmacs.hmacSha256(secret.getBytes(StandardCharsets.UTF_8),
        (guid + " ").getBytes(StandardCharsets.UTF_8), raw);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Deliveroo-Sequence-Guid", guid);
    headers.put("X-Deliveroo-Hmac-Sha256", Hmacs.hex(mac));
    return new OutgoingWebhook(headers, raw);
  }

  private static SimResponse unavailable(SimulatedStore store) {
    ObjectNode answer = Json.object();
    ArrayNode list = answer.putArray("item_unavailabilities");
    store.all().stream().filter(item -> !item.available())
        .forEach(item -> list.addObject().put("item_id", item.externalId()).put("status", "unavailable"));
    return SimResponse.json(200, answer);
  }

  private static SimResponse update(JsonNode body, SimulatedStore store) {
    JsonNode entries = body.path("item_unavailabilities");
    if (!entries.isArray()) {
      return SimResponse.json(400, Json.object().put("message", "item_unavailabilities is required"));
    }
    for (JsonNode entry : entries) {
      if (store.find(entry.path("item_id").asString("")).isEmpty()) {
        return SimResponse.json(404, Json.object().put("message", "item not found"));
      }
    }
    store.countSetCall();
    for (JsonNode entry : entries) {
      String id = entry.path("item_id").asString("");
      boolean available = "available".equals(entry.path("status").asString(""));
      store.find(id).filter(item -> item.available() != available).ifPresent(item -> store.set(id, available ? 1 : 0));
    }
    return SimResponse.empty(200);
  }

  private static SimResponse menu(SimulatedStore store) {
    ObjectNode answer = Json.object().put("id", MENU_ID).put("name", "Simulated menu");
    ArrayNode items = answer.putObject("menu").putArray("items");
    store.all().forEach(item -> {
      ObjectNode node = items.addObject().put("id", item.externalId());
      node.putObject("name").put("en", item.name());
      if (item.sku() != null) {
        node.put("plu", item.sku());
      }
    });
    return SimResponse.json(200, answer);
  }
}
