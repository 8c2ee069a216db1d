package ai.stockclerk.channels.simulator;

import ai.stockclerk.channels.support.Hmacs;
import ai.stockclerk.channels.support.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shopify's GraphQL Admin endpoint, for the operations our connector sends, recognised by their
 * root fields. Items are InventoryItems (numeric ids) stocked at one location, {@link #LOCATION_ID}.
 */
final class ShopifyDialect implements SimulatorDialect {

  static final String LOCATION_ID = "1001";
  static final String SHOP_DOMAIN = "stockclerk-sim.myshopify.com";
  private static final String LOCATION_GID = "gid://shopify/Location/" + LOCATION_ID;

  @Override
  public String vendor() {
    return "shopify";
  }

  @Override
  public Optional<SimResponse> handle(SimRequest request, SimulatedStore store) {
    if (!request.method().equals("POST") || !request.path().matches("/admin/api/[\\w-]+/graphql\\.json")) {
      return Optional.empty();
    }
    JsonNode body = request.json();
    String query = body.path("query").asString("");
    JsonNode variables = body.path("variables");
    ObjectNode data = Json.object();
    if (query.contains("inventorySetQuantities")) {
      data.set("inventorySetQuantities", setQuantities(variables.path("input"), store));
    } else if (query.contains("inventoryLevels")) {
      data.set("location", ourLocation(variables) ? levels(variables, store) : null);
    } else if (query.contains("productVariants")) {
      data.set("productVariants", variants(variables, store));
    } else if (query.contains("location(")) {
      data.set("location", ourLocation(variables) ? Json.object().put("id", LOCATION_GID) : null);
    } else if (query.contains("shop")) {
      data.set("shop", Json.object().put("id", "gid://shopify/Shop/1").put("name", "StockClerk simulator"));
    } else {
      return Optional.of(SimResponse.json(200, errors("UNKNOWN_OPERATION")));
    }
    ObjectNode answer = Json.object();
    answer.set("data", data);
    answer.set("extensions", cost(10, 1990));
    return Optional.of(SimResponse.json(200, answer));
  }

  /** Shopify throttles GraphQL with a 200 carrying a THROTTLED error and the bucket's state. */
  @Override
  public SimResponse throttled(Duration retryAfter) {
    ObjectNode answer = errors("THROTTLED");
    // A restore rate that refills one query's cost in retryAfter, so the client's wait matches.
    double restoreRate = 10.0 / Math.max(0.05, retryAfter.toMillis() / 1000.0);
    ObjectNode extensions = cost(10, 0);
    ((ObjectNode) extensions.path("cost").path("throttleStatus")).put("restoreRate", restoreRate);
    answer.set("extensions", extensions);
    return SimResponse.json(200, answer);
  }

  @Override
  public SimResponse unauthorized() {
    return SimResponse.json(401, Json.object().put("errors", "[API] Invalid API key or access token (unrecognized login or wrong password)"));
  }

  @Override
  public OutgoingWebhook stockChanged(SimulatedItem item, int soldQuantity, URI target, String secret, Instant at) {
    ObjectNode body = Json.object()
        .put("inventory_item_id", Long.parseLong(item.externalId()))
        .put("location_id", Long.parseLong(LOCATION_ID))
        .put("available", item.level())
        .put("updated_at", at.toString())
        .put("admin_graphql_api_id", "gid://shopify/InventoryLevel/" + LOCATION_ID + "?inventory_item_id=" + item.externalId());
    byte[] raw = Json.write(body).getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Shopify-Topic", "inventory_levels/update");
    headers.put("X-Shopify-Shop-Domain", SHOP_DOMAIN);
    headers.put("X-Shopify-API-Version", "2025-10");
    headers.put("X-Shopify-Event-Id", UUID.randomUUID().toString());
    headers.put("X-Shopify-Webhook-Id", UUID.randomUUID().toString());
    headers.put("X-Shopify-Triggered-At", at.toString());
    headers.put("X-Shopify-Hmac-Sha256", Hmacs.base64(Hmacs.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), raw)));
    return new OutgoingWebhook(headers, raw);
  }

  private static boolean ourLocation(JsonNode variables) {
    return LOCATION_GID.equals(variables.path("location").asString(""));
  }

  private static ObjectNode levels(JsonNode variables, SimulatedStore store) {
    Page page = Page.of(store.all(), variables);
    ArrayNode nodes = Json.MAPPER.createArrayNode();
    for (SimulatedItem item : page.items()) {
      ObjectNode level = nodes.addObject();
      level.putObject("item").put("id", "gid://shopify/InventoryItem/" + item.externalId());
      level.putArray("quantities").addObject().put("name", "available").put("quantity", item.level());
    }
    ObjectNode connection = page.connection(nodes);
    ObjectNode location = Json.object().put("id", LOCATION_GID);
    location.set("inventoryLevels", connection);
    return location;
  }

  private static ObjectNode variants(JsonNode variables, SimulatedStore store) {
    Page page = Page.of(store.all(), variables);
    ArrayNode nodes = Json.MAPPER.createArrayNode();
    for (SimulatedItem item : page.items()) {
      ObjectNode variant = nodes.addObject().put("sku", item.sku()).put("barcode", (String) null).put("displayName", item.name());
      ObjectNode inventoryItem = variant.putObject("inventoryItem").put("id", "gid://shopify/InventoryItem/" + item.externalId());
      inventoryItem.putObject("inventoryLevel").putArray("quantities").addObject().put("name", "available").put("quantity", item.level());
    }
    return page.connection(nodes);
  }

  /** All or nothing, as Shopify does: any user error leaves every quantity as it was. */
  private static ObjectNode setQuantities(JsonNode input, SimulatedStore store) {
    ObjectNode result = Json.object();
    ArrayNode userErrors = result.putArray("userErrors");
    JsonNode quantities = input.path("quantities");
    boolean compare = !input.path("ignoreCompareQuantity").asBoolean(false);
    if (quantities.size() > 250) {
      userErrors.addObject().put("code", "INVALID_INPUT").put("message", "too many quantities").putArray("field").add("input");
    }
    for (int i = 0; i < quantities.size(); i++) {
      JsonNode q = quantities.get(i);
      String id = q.path("inventoryItemId").asString("").replace("gid://shopify/InventoryItem/", "");
      Optional<SimulatedItem> item = store.find(id);
      String problem = !LOCATION_GID.equals(q.path("locationId").asString("")) || item.isEmpty()
          ? "ITEM_NOT_STOCKED_AT_LOCATION"
          : compare && (!q.has("compareQuantity") || q.path("compareQuantity").asInt() != item.get().level())
              ? "COMPARE_QUANTITY_STALE" : null;
      if (problem != null) {
        ObjectNode error = userErrors.addObject().put("code", problem).put("message", problem.toLowerCase());
        error.putArray("field").add("input").add("quantities").add(Integer.toString(i)).add("inventoryItemId");
      }
    }
    store.countSetCall();
    if (userErrors.isEmpty()) {
      for (JsonNode q : quantities) {
        store.set(q.path("inventoryItemId").asString("").replace("gid://shopify/InventoryItem/", ""), q.path("quantity").asInt());
      }
      result.putObject("inventoryAdjustmentGroup").put("id", "gid://shopify/InventoryAdjustmentGroup/" + UUID.randomUUID());
    } else {
      result.putNull("inventoryAdjustmentGroup");
    }
    return result;
  }

  private static ObjectNode errors(String code) {
    ObjectNode answer = Json.object();
    answer.putArray("errors").addObject().put("message", code.toLowerCase()).putObject("extensions").put("code", code);
    return answer;
  }

  private static ObjectNode cost(int requested, int available) {
    ObjectNode extensions = Json.object();
    ObjectNode cost = extensions.putObject("cost").put("requestedQueryCost", requested).put("actualQueryCost", requested);
    cost.putObject("throttleStatus").put("maximumAvailable", 2000.0).put("currentlyAvailable", available).put("restoreRate", 100.0);
    return extensions;
  }

  /** Cursor paging: the cursor is the offset, opaque to the client as Shopify's is. */
  private record Page(List<SimulatedItem> items, int end, boolean more) {
    static Page of(List<SimulatedItem> all, JsonNode variables) {
      int first = Math.min(250, Math.max(1, variables.path("first").asInt(50)));
      int from = 0;
      String after = variables.path("after").asString(null);
      if (after != null) {
        try {
          from = Integer.parseInt(new String(java.util.Base64.getDecoder().decode(after), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException badCursor) {
          from = all.size();
        }
      }
      int to = Math.min(all.size(), from + first);
      return new Page(all.subList(Math.min(from, to), to), to, to < all.size());
    }

    ObjectNode connection(ArrayNode nodes) {
      ObjectNode connection = Json.object();
      connection.putObject("pageInfo").put("hasNextPage", more)
          .put("endCursor", java.util.Base64.getEncoder().encodeToString(Integer.toString(end).getBytes(StandardCharsets.UTF_8)));
      connection.set("nodes", nodes);
      return connection;
    }
  }
}
