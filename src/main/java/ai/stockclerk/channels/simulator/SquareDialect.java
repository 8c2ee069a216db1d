package ai.stockclerk.channels.simulator;

import ai.stockclerk.channels.support.Hmacs;
import ai.stockclerk.channels.support.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Square's inventory and catalog endpoints. Items are ITEM_VARIATION ids counted IN_STOCK at
 * {@link #LOCATION_ID}. A repeated idempotency key gets the first answer and changes nothing.
 */
final class SquareDialect implements SimulatorDialect {

  static final String LOCATION_ID = "SIMLOC1";
  static final String MERCHANT_ID = "SIMMERCHANT";
  static final int PAGE_SIZE = 100;

  private final Map<String, SimResponse> seenKeys = new ConcurrentHashMap<>();

  @Override
  public String vendor() {
    return "square";
  }

  @Override
  public Optional<SimResponse> handle(SimRequest request, SimulatedStore store) {
    String path = request.path();
    if (request.method().equals("POST") && path.equals("/v2/inventory/counts/batch-retrieve")) {
      return Optional.of(retrieve(request.json(), store));
    }
    if (request.method().equals("POST") && path.equals("/v2/inventory/changes/batch-create")) {
      return Optional.of(create(request.json(), store));
    }
    if (request.method().equals("GET") && path.equals("/v2/catalog/list")) {
      return Optional.of(catalog(request, store));
    }
    if (request.method().equals("GET") && path.equals("/v2/locations/" + LOCATION_ID)) {
      ObjectNode answer = Json.object();
      answer.putObject("location").put("id", LOCATION_ID).put("name", "Simulated till").put("status", "ACTIVE");
      return Optional.of(SimResponse.json(200, answer));
    }
    return Optional.empty();
  }

  @Override
  public SimResponse throttled(Duration retryAfter) {
    return SimResponse.json(429, error("RATE_LIMIT_ERROR", "RATE_LIMITED"),
        Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds()))));
  }

  @Override
  public SimResponse unauthorized() {
    return SimResponse.json(401, error("AUTHENTICATION_ERROR", "UNAUTHORIZED"));
  }

  @Override
  public OutgoingWebhook stockChanged(SimulatedItem item, int soldQuantity, URI target, String secret, Instant at) {
    ObjectNode body = Json.object().put("merchant_id", MERCHANT_ID).put("type", "inventory.count.updated")
        .put("event_id", UUID.randomUUID().toString()).put("created_at", at.toString());
    ObjectNode data = body.putObject("data").put("type", "inventory_counts").put("id", UUID.randomUUID().toString());
    data.putObject("object").putArray("inventory_counts").add(count(item, at));
    byte[] raw = Json.write(body).getBytes(StandardCharsets.UTF_8);
    byte[] signature = Hmacs.hmacSha256(secret.getBytes(StandardCharsets.UTF_8),
        target.toString().getBytes(StandardCharsets.UTF_8), raw);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Square-Environment", "Sandbox");
    headers.put("x-square-hmacsha256-signature", Hmacs.base64(signature));
    return new OutgoingWebhook(headers, raw);
  }

  private SimResponse retrieve(JsonNode body, SimulatedStore store) {
    Set<String> ids = new HashSet<>();
    body.path("catalog_object_ids").forEach(id -> ids.add(id.asString("")));
    List<String> locations = body.path("location_ids").valueStream().map(n -> n.asString("")).toList();
    List<SimulatedItem> matching = locations.isEmpty() || locations.contains(LOCATION_ID)
        ? store.all().stream().filter(i -> ids.isEmpty() || ids.contains(i.externalId())).toList()
        : List.of();
    int from = parseCursor(body.path("cursor").asString(null));
    int to = Math.min(matching.size(), from + PAGE_SIZE);
    ObjectNode answer = Json.object();
    ArrayNode counts = answer.putArray("counts");
    Instant now = Instant.now();
    matching.subList(Math.min(from, to), to).forEach(item -> counts.add(count(item, now)));
    if (to < matching.size()) {
      answer.put("cursor", "c" + to);
    }
    return SimResponse.json(200, answer);
  }

  private SimResponse create(JsonNode body, SimulatedStore store) {
    String key = body.path("idempotency_key").asString("");
    if (key.isEmpty() || key.length() > 128) {
      return SimResponse.json(400, error("INVALID_REQUEST_ERROR", "INVALID_VALUE"));
    }
    SimResponse earlier = seenKeys.get(key);
    if (earlier != null) {
      return earlier;
    }
    JsonNode changes = body.path("changes");
    if (changes.size() > 100) {
      return SimResponse.json(400, error("INVALID_REQUEST_ERROR", "ARRAY_LENGTH_TOO_LONG"));
    }
    store.countSetCall();
    for (JsonNode change : changes) {
      JsonNode count = change.path("physical_count");
      if (!"PHYSICAL_COUNT".equals(change.path("type").asString("")) || store.find(count.path("catalog_object_id").asString("")).isEmpty()
          || !LOCATION_ID.equals(count.path("location_id").asString(""))) {
        return SimResponse.json(400, error("INVALID_REQUEST_ERROR", "NOT_FOUND"));
      }
    }
    ObjectNode answer = Json.object();
    ArrayNode counts = answer.putArray("counts");
    for (JsonNode change : changes) {
      JsonNode count = change.path("physical_count");
      store.set(count.path("catalog_object_id").asString(""), new java.math.BigDecimal(count.path("quantity").asString("0")).intValue())
          .ifPresent(item -> counts.add(count(item, Instant.now())));
    }
    SimResponse response = SimResponse.json(200, answer);
    seenKeys.put(key, response);
    return response;
  }

  private SimResponse catalog(SimRequest request, SimulatedStore store) {
    List<SimulatedItem> all = store.all();
    int from = parseCursor(request.queryParam("cursor").orElse(null));
    int to = Math.min(all.size(), from + PAGE_SIZE);
    ObjectNode answer = Json.object();
    ArrayNode objects = answer.putArray("objects");
    for (SimulatedItem item : all.subList(Math.min(from, to), to)) {
      ObjectNode variation = objects.addObject().put("type", "ITEM_VARIATION").put("id", item.externalId());
      variation.putObject("item_variation_data").put("item_id", "ITEM-" + item.externalId())
          .put("name", item.name()).put("sku", item.sku()).put("track_inventory", true);
    }
    if (to < all.size()) {
      answer.put("cursor", "c" + to);
    }
    return SimResponse.json(200, answer);
  }

  private static ObjectNode count(SimulatedItem item, Instant at) {
    return Json.object().put("catalog_object_id", item.externalId()).put("catalog_object_type", "ITEM_VARIATION")
        .put("state", "IN_STOCK").put("location_id", LOCATION_ID).put("quantity", Integer.toString(item.level()))
        .put("calculated_at", at.toString());
  }

  private static int parseCursor(String cursor) {
    if (cursor == null || !cursor.startsWith("c")) {
      return 0;
    }
    try {
      return Math.max(0, Integer.parseInt(cursor.substring(1)));
    } catch (NumberFormatException bad) {
      return Integer.MAX_VALUE;
    }
  }

  private static ObjectNode error(String category, String code) {
    ObjectNode answer = Json.object();
    answer.putArray("errors").addObject().put("category", category).put("code", code).put("detail", code.toLowerCase());
    return answer;
  }
}
