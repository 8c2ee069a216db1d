package ai.stockclerk.demo;

import ai.stockclerk.channels.simulator.ChannelSimulator;
import ai.stockclerk.channels.simulator.DeliverooDialect;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Makes Demo Bakery exist, through the public API, and points its channels at this run's
 * simulators. Idempotent: on a second run the tenant, channels, products and mappings are found
 * and only the simulator addresses and webhook secrets change (simulators keep no data).
 */
final class DemoSeed {

  static final String TILL = "Till (Square)";
  static final String SHOP = "Web shop (Shopify)";
  static final String DELIVERY = "Delivery app (Deliveroo)";

  private final DemoApi api;
  private final String baseUrl;

  DemoSeed(DemoApi api, String baseUrl) {
    this.api = api;
    this.baseUrl = baseUrl;
  }

  /** The demo's channel ids and product ids by catalogue number. */
  record Seeded(UUID till, UUID shop, UUID delivery, Map<Integer, UUID> products) {}

  Seeded run(ChannelSimulator till, ChannelSimulator shop, ChannelSimulator delivery) {
    signIn();
    Map<String, JsonNode> existing = new HashMap<>();
    api.get("/api/v1/channels").body().forEach(channel -> existing.put(channel.path("name").asString(), channel));
    UUID tillId = connect(existing.get(TILL), TILL, "square", till, Map.of("accessToken", "EAAA-demo"),
        Map.of("locationId", "SIMLOC1"));
    UUID shopId = connect(existing.get(SHOP), SHOP, "shopify", shop,
        Map.of("accessToken", "shpat_demo", "shopDomain", "demo-bakery.myshopify.com"),
        Map.of("locationId", "gid://shopify/Location/1001"));
    UUID deliveryId = connect(existing.get(DELIVERY), DELIVERY, "deliveroo", delivery,
        Map.of("clientId", "demo-client", "clientSecret", "demo-secret"),
        Map.of("brandId", DeliverooDialect.BRAND_ID, "siteId", DeliverooDialect.SITE_ID, "menuId",
            DeliverooDialect.MENU_ID));
    Map<Integer, UUID> products = products();
    mappings(products, tillId, shopId, deliveryId);
    stockSimulators(products, till, shop, delivery);
    return new Seeded(tillId, shopId, deliveryId, products);
  }

  private void signIn() {
    DemoApi.Reply login = api.post("/api/v1/auth/login",
        Map.of("email", DemoSettings.EMAIL, "password", DemoSettings.PASSWORD));
    if (!login.ok()) {
      login = api.post("/api/v1/auth/register", Map.of("tenantName", DemoSettings.TENANT, "email", DemoSettings.EMAIL,
          "password", DemoSettings.PASSWORD, "name", "Demo Baker"));
    }
    expect(login, "sign in as " + DemoSettings.EMAIL);
    api.token(login.body().path("token").asString());
  }

  private UUID connect(JsonNode existing, String name, String type, ChannelSimulator simulator,
      Map<String, String> credentials, Map<String, Object> settings) {
    String secret = "demo-" + UUID.randomUUID();
    Map<String, String> withSecret = new HashMap<>(credentials);
    withSecret.put("webhookSecret", secret);
    Map<String, Object> withUrl = new HashMap<>(settings);
    withUrl.put("apiBaseUrl", simulator.baseUrl().toString());
    DemoApi.Reply saved = existing == null
        ? api.post("/api/v1/channels", Map.of("type", type, "name", name, "credentials", withSecret, "settings", withUrl))
        : api.patch("/api/v1/channels/" + existing.path("id").asString(),
            Map.of("credentials", withSecret, "settings", withUrl, "active", true));
    expect(saved, "save channel " + name);
    UUID id = UUID.fromString(saved.body().path("id").asString());
    String target = saved.body().path("webhookUrl").asString().replaceFirst("^https?://[^/]+", baseUrl);
    if (type.equals("square")) {
      withUrl.put("webhookUrl", target);
      expect(api.patch("/api/v1/channels/" + id, Map.of("settings", withUrl)), "set the till's webhook URL");
    }
    simulator.webhookTarget(java.net.URI.create(target), secret);
    return id;
  }

  private Map<Integer, UUID> products() {
    Map<String, UUID> bySku = new HashMap<>();
    api.get("/api/v1/products?size=200").body().path("items")
        .forEach(p -> bySku.put(p.path("sku").asString(), UUID.fromString(p.path("id").asString())));
    Map<Integer, UUID> products = new HashMap<>();
    for (DemoCatalogue.Item item : DemoCatalogue.items()) {
      UUID id = bySku.get(item.sku());
      if (id == null) {
        DemoApi.Reply created = api.post("/api/v1/products", Map.of("sku", item.sku(), "name", item.name(),
            "stock", item.stock(), "bufferStock", item.buffer()));
        expect(created, "create product " + item.sku());
        id = UUID.fromString(created.body().path("id").asString());
      }
      products.put(item.n(), id);
    }
    return products;
  }

  private void mappings(Map<Integer, UUID> products, UUID till, UUID shop, UUID delivery) {
    Set<String> mapped = new HashSet<>();
    api.get("/api/v1/mappings").body()
        .forEach(m -> mapped.add(m.path("channelId").asString() + "/" + m.path("externalId").asString()));
    for (DemoCatalogue.Item item : DemoCatalogue.items()) {
      UUID product = products.get(item.n());
      map(mapped, product, till, item.tillId());
      map(mapped, product, shop, item.shopId());
      map(mapped, product, delivery, item.deliveryId());
    }
  }

  private void map(Set<String> mapped, UUID product, UUID channel, String externalId) {
    if (!mapped.contains(channel + "/" + externalId)) {
      expect(api.post("/api/v1/mappings", Map.of("productId", product, "channelId", channel, "externalId",
          externalId)), "map " + externalId);
    }
  }

  /** Fresh simulators start showing what each channel should show for today's stock. */
  private void stockSimulators(Map<Integer, UUID> products, ChannelSimulator till, ChannelSimulator shop,
      ChannelSimulator delivery) {
    Map<UUID, JsonNode> current = new HashMap<>();
    api.get("/api/v1/products?size=200").body().path("items")
        .forEach(p -> current.put(UUID.fromString(p.path("id").asString()), p));
    for (DemoCatalogue.Item item : DemoCatalogue.items()) {
      JsonNode product = current.get(products.get(item.n()));
      int stock = product.path("stock").asInt();
      int online = Math.max(0, stock - product.path("bufferStock").asInt());
      till.createItem(item.tillId(), item.sku(), Math.max(0, stock));
      shop.createItem(item.shopId(), item.sku(), online);
      delivery.createItem(item.deliveryId(), item.sku(), online);
    }
  }

  static void expect(DemoApi.Reply reply, String what) {
    if (!reply.ok()) {
      throw new IllegalStateException("demo could not " + what + " (HTTP " + reply.status() + ")");
    }
  }

  static List<String> channelNames() {
    return List.of(TILL, SHOP, DELIVERY);
  }
}
