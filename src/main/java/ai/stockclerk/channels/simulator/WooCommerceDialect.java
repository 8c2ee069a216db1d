package ai.stockclerk.channels.simulator;

import ai.stockclerk.channels.support.Hmacs;
import ai.stockclerk.channels.support.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * WooCommerce REST v3 under {@code /wp-json/wc/v3}. An item {@code "42"} is a simple product;
 * {@code "42:57"} is variation 57 of variable product 42 (the parent is listed as a variable
 * product with no stock of its own).
 */
final class WooCommerceDialect implements SimulatorDialect {

  private static final String ROOT = "/wp-json/wc/v3";
  private static final Pattern VARIATIONS = Pattern.compile(ROOT + "/products/(\\d+)/variations(/batch)?");

  @Override
  public String vendor() {
    return "woocommerce";
  }

  @Override
  public Optional<SimResponse> handle(SimRequest request, SimulatedStore store) {
    String path = request.path();
    if (path.equals(ROOT + "/products") && request.method().equals("GET")) {
      return Optional.of(list(request, products(store)));
    }
    if (path.equals(ROOT + "/products/batch") && request.method().equals("POST")) {
      return Optional.of(batch(request, store, 0));
    }
    Matcher m = VARIATIONS.matcher(path);
    if (m.matches()) {
      long parent = Long.parseLong(m.group(1));
      if (m.group(2) != null && request.method().equals("POST")) {
        return Optional.of(batch(request, store, parent));
      }
      if (m.group(2) == null && request.method().equals("GET")) {
        List<ObjectNode> variations = store.all().stream().filter(i -> i.externalId().startsWith(parent + ":"))
            .map(WooCommerceDialect::toProduct).toList();
        return Optional.of(list(request, variations));
      }
    }
    return Optional.empty();
  }

  @Override
  public OutgoingWebhook stockChanged(SimulatedItem item, int soldQuantity, URI target, String secret, Instant at) {
    byte[] raw = Json.write(toProduct(item).put("date_modified_gmt",
        at.atOffset(ZoneOffset.UTC).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS).toString())).getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-WC-Webhook-Source", "https://stockclerk-sim.example/");
    headers.put("X-WC-Webhook-Topic", "product.updated");
    headers.put("X-WC-Webhook-Resource", "product");
    headers.put("X-WC-Webhook-Event", "updated");
    headers.put("X-WC-Webhook-ID", "1");
    headers.put("X-WC-Webhook-Delivery-ID", UUID.randomUUID().toString().replace("-", ""));
    headers.put("X-WC-Webhook-Signature", Hmacs.base64(Hmacs.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), raw)));
    return new OutgoingWebhook(headers, raw);
  }

  private static List<ObjectNode> products(SimulatedStore store) {
    Map<String, ObjectNode> products = new LinkedHashMap<>();
    for (SimulatedItem item : store.all()) {
      int colon = item.externalId().indexOf(':');
      if (colon < 0) {
        products.put(item.externalId(), toProduct(item));
      } else {
        String parent = item.externalId().substring(0, colon);
        products.computeIfAbsent("p" + parent, k -> Json.object().put("id", Long.parseLong(parent))
            .put("name", "Variable " + parent).put("type", "variable").put("sku", "")
            .put("manage_stock", false).putNull("stock_quantity").put("stock_status", "instock"));
      }
    }
    return List.copyOf(products.values());
  }

  static ObjectNode toProduct(SimulatedItem item) {
    String id = item.externalId();
    int colon = id.indexOf(':');
    ObjectNode product = Json.object()
        .put("id", Long.parseLong(colon < 0 ? id : id.substring(colon + 1)))
        .put("parent_id", colon < 0 ? 0 : Long.parseLong(id.substring(0, colon)))
        .put("name", item.name())
        .put("type", colon < 0 ? "simple" : "variation")
        .put("sku", item.sku() == null ? "" : item.sku())
        .put("manage_stock", true)
        .put("stock_quantity", item.level())
        .put("stock_status", item.level() > 0 ? "instock" : "outofstock");
    return product;
  }

  /** WordPress paging: per_page 1–100 (400 beyond), totals in X-WP-Total and X-WP-TotalPages. */
  private static SimResponse list(SimRequest request, List<ObjectNode> all) {
    int perPage = request.intParam("per_page", 10);
    if (perPage < 1 || perPage > 100) {
      return SimResponse.json(400, Json.object().put("code", "rest_invalid_param").put("message", "per_page must be between 1 (inclusive) and 100 (inclusive)"));
    }
    List<ObjectNode> filtered = request.queryParam("include").map(include -> {
      Set<String> ids = Arrays.stream(include.split(",")).map(String::trim).collect(Collectors.toSet());
      return all.stream().filter(p -> ids.contains(p.path("id").asString(""))).toList();
    }).orElse(all);
    int page = Math.max(1, request.intParam("page", 1));
    int totalPages = Math.max(1, (filtered.size() + perPage - 1) / perPage);
    ArrayNode body = Json.MAPPER.createArrayNode();
    filtered.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(body::add);
    return SimResponse.json(200, body, Map.of("X-WP-Total", Integer.toString(filtered.size()), "X-WP-TotalPages", Integer.toString(totalPages)));
  }

  private static SimResponse batch(SimRequest request, SimulatedStore store, long parent) {
    JsonNode updates = request.json().path("update");
    int total = updates.size() + request.json().path("create").size() + request.json().path("delete").size();
    if (total > 100) {
      return SimResponse.json(413, Json.object().put("code", "woocommerce_rest_request_entity_too_large")
          .put("message", "Unable to accept more than 100 items for this request."));
    }
    store.countSetCall();
    ArrayNode results = Json.MAPPER.createArrayNode();
    for (JsonNode update : updates) {
      String ownId = update.path("id").asString("");
      String externalId = parent == 0 ? ownId : parent + ":" + ownId;
      Optional<SimulatedItem> item = update.has("stock_quantity")
          ? store.set(externalId, update.path("stock_quantity").asInt()) : store.find(externalId);
      if (item.isPresent()) {
        results.add(toProduct(item.get()));
      } else {
        ObjectNode error = results.addObject().put("id", update.path("id").asLong(0));
        error.putObject("error").put("code", "woocommerce_rest_product_invalid_id").put("message", "Invalid ID.")
            .putObject("data").put("status", 400);
      }
    }
    ObjectNode answer = Json.object();
    answer.set("update", results);
    return SimResponse.json(200, answer);
  }
}
