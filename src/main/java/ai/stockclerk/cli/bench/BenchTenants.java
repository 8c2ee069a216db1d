package ai.stockclerk.cli.bench;

import ai.stockclerk.channels.simulator.ChannelSimulator;
import ai.stockclerk.channels.simulator.DeliverooDialect;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Signs up bench tenants over the API and connects each to the shared simulators. */
final class BenchTenants {

  static final int INITIAL_STOCK = 1_000_000;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One connected tenant: its products' item ids and where its Deliveroo webhooks go. */
  record Tenant(int index, String token, URI deliveryWebhook, String deliverySecret, List<UUID> products) {
    String deliveryItem(int product) {
      return "t" + index + "-d" + product;
    }

    String tillItem(int product) {
      return "t" + index + "-sq" + product;
    }

    String shopItem(int product) {
      return Long.toString(1_000_000L + index * 1_000L + product);
    }
  }

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String baseUrl;
  private final ChannelSimulator till;
  private final ChannelSimulator shop;
  private final ChannelSimulator delivery;
  private final int products;

  BenchTenants(String baseUrl, ChannelSimulator till, ChannelSimulator shop, ChannelSimulator delivery, int products) {
    this.baseUrl = baseUrl;
    this.till = till;
    this.shop = shop;
    this.delivery = delivery;
    this.products = products;
  }

  List<Tenant> connect(int count) throws IOException, InterruptedException {
    List<Tenant> tenants = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      tenants.add(connectOne(t));
    }
    return tenants;
  }

  private Tenant connectOne(int index) throws IOException, InterruptedException {
    JsonNode registered = call("POST", "/api/v1/auth/register", null, Map.of("tenantName", "Bench " + index,
        "email", "bench-" + index + "-" + UUID.randomUUID() + "@example.com", "password", "correct horse battery"));
    String token = registered.path("token").asString();
    String tillId = channel(token, "square", till, Map.of("accessToken", "EAAA-bench"), Map.of("locationId", "SIMLOC1"));
    String shopId = channel(token, "shopify", shop, Map.of("accessToken", "shpat", "shopDomain",
        "stockclerk-sim.myshopify.com"), Map.of("locationId", "gid://shopify/Location/1001"));
    String secret = "whsec-" + UUID.randomUUID();
    String deliveryId = channel(token, "deliveroo", delivery, Map.of("clientId", "c", "clientSecret", "s",
        "webhookSecret", secret), Map.of("brandId", DeliverooDialect.BRAND_ID, "siteId", DeliverooDialect.SITE_ID,
        "menuId", DeliverooDialect.MENU_ID));
    Tenant tenant = new Tenant(index, token, URI.create(baseUrl + "/webhooks/deliveroo/" + deliveryId), secret,
        new ArrayList<>());
    for (int p = 0; p < products; p++) {
      JsonNode product = call("POST", "/api/v1/products", token, Map.of("sku", "SKU-" + p, "name", "Product " + p,
          "stock", INITIAL_STOCK, "bufferStock", 0));
      UUID productId = UUID.fromString(product.path("id").asString());
      tenant.products().add(productId);
      till.createItem(tenant.tillItem(p), "SKU-" + p, INITIAL_STOCK);
      shop.createItem(tenant.shopItem(p), "SKU-" + p, INITIAL_STOCK);
      delivery.createItem(tenant.deliveryItem(p), "SKU-" + p, INITIAL_STOCK);
      map(token, productId, tillId, tenant.tillItem(p));
      map(token, productId, shopId, tenant.shopItem(p));
      map(token, productId, deliveryId, tenant.deliveryItem(p));
    }
    return tenant;
  }

  int stock(Tenant tenant, int product) throws IOException, InterruptedException {
    return call("GET", "/api/v1/products/" + tenant.products().get(product), tenant.token(), null).path("stock").asInt();
  }

  private String channel(String token, String type, ChannelSimulator simulator, Map<String, String> credentials,
      Map<String, Object> settings) throws IOException, InterruptedException {
    Map<String, Object> withUrl = new HashMap<>(settings);
    withUrl.put("apiBaseUrl", simulator.baseUrl().toString());
    return call("POST", "/api/v1/channels", token, Map.of("type", type, "name", type, "credentials", credentials,
        "settings", withUrl)).path("id").asString();
  }

  private void map(String token, UUID product, String channel, String externalId)
      throws IOException, InterruptedException {
    call("POST", "/api/v1/mappings", token, Map.of("productId", product, "channelId", channel, "externalId", externalId));
  }

  private JsonNode call(String method, String path, String token, Object body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
    }
    return JSON.readTree(response.body());
  }
}
