package ai.stockclerk.agents;

import ai.stockclerk.channels.simulator.ChannelSimulator;
import ai.stockclerk.channels.simulator.DeliverooDialect;
import ai.stockclerk.testing.ApiCall;
import ai.stockclerk.testing.TestApi;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One tenant with three simulated channels, as a retailer would connect them: a Square till, a
 * Shopify web shop and a Deliveroo delivery app, each pointed at its simulator and sending its
 * signed webhooks to this service. Public so the guardian's fixture builds on it.
 */
public class FlowFixture implements AutoCloseable {

  static final String SHOPIFY_LOCATION = "gid://shopify/Location/1001";

  public final TestApi api;
  public final TestApi.Tenant tenant;
  final String baseUrl;
  final List<ChannelSimulator> simulators = new ArrayList<>();
  final Map<ChannelSimulator, String> secrets = new java.util.HashMap<>();
  final Map<ChannelSimulator, URI> targets = new java.util.HashMap<>();
  private final Map<String, UUID> mappings = new java.util.HashMap<>();
  public ChannelSimulator till;
  public ChannelSimulator shop;
  public ChannelSimulator delivery;
  public UUID tillId;
  public UUID shopId;
  public UUID deliveryId;

  public FlowFixture(TestApi api, int port, String name) {
    this.api = api;
    this.baseUrl = "http://localhost:" + port;
    this.tenant = api.register(name);
  }

  public FlowFixture withChannels() {
    till = simulator("square");
    shop = simulator("shopify");
    delivery = simulator("deliveroo");
    tillId = connect(till, "square", Map.of("accessToken", "EAAA-sim"), Map.of("locationId", "SIMLOC1"));
    shopId = connect(shop, "shopify", Map.of("accessToken", "shpat_sim", "shopDomain", "stockclerk-sim.myshopify.com"),
        Map.of("locationId", SHOPIFY_LOCATION));
    deliveryId = connect(delivery, "deliveroo", Map.of("clientId", "sim-client", "clientSecret", "sim-secret"),
        Map.of("brandId", DeliverooDialect.BRAND_ID, "siteId", DeliverooDialect.SITE_ID, "menuId",
            DeliverooDialect.MENU_ID));
    return this;
  }

  /** A product on every channel: Square item {@code sq-<n>}, Shopify item {@code <n>}, Deliveroo item {@code d-<n>}. */
  public UUID product(int n, int stock, int buffer, int deliveryLevel) {
    UUID product = api.product(tenant, "SKU-" + n, stock, buffer);
    till.createItem("sq-" + n, "SKU-" + n, stock);
    shop.createItem(Integer.toString(n), "SKU-" + n, Math.max(0, stock - buffer));
    delivery.createItem("d-" + n, "SKU-" + n, deliveryLevel);
    mappings.put("sq-" + n, api.mapping(tenant, product, tillId, "sq-" + n));
    mappings.put(Integer.toString(n), api.mapping(tenant, product, shopId, Integer.toString(n)));
    mappings.put("d-" + n, api.mapping(tenant, product, deliveryId, "d-" + n));
    return product;
  }

  /** The mapping (channel item) id of an external id. */
  public UUID item(String externalId) {
    return mappings.get(externalId);
  }

  /** Waits until every mapping was pushed once: the channels' levels are then known (no baseline pending). */
  void awaitFirstPushes() {
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
      var mappings = api.get("/api/v1/mappings", tenant.token()).body();
      boolean all = mappings.size() > 0;
      for (var mapping : mappings) {
        all &= !mapping.path("pushedLevel").isNull() && !mapping.path("pendingPush").asBoolean();
      }
      return all;
    });
  }

  public int stock(UUID product) {
    return api.get("/api/v1/products/" + product, tenant.token()).body().path("stock").asInt();
  }

  private ChannelSimulator simulator(String vendor) {
    ChannelSimulator simulator = vendor.equals("deliveroo")
        ? ChannelSimulator.start(new DeliverooDialect(), 0, null, null)
        : ChannelSimulator.start(vendor, 0, null, null);
    simulators.add(simulator);
    return simulator;
  }

  private UUID connect(ChannelSimulator simulator, String type, Map<String, String> credentials,
      Map<String, Object> settings) {
    String secret = "whsec-" + UUID.randomUUID();
    Map<String, String> withSecret = new java.util.HashMap<>(credentials);
    withSecret.put("webhookSecret", secret);
    Map<String, Object> withUrl = new java.util.HashMap<>(settings);
    withUrl.put("apiBaseUrl", simulator.baseUrl().toString());
    UUID id = UUID.randomUUID();
    String webhookUrl = baseUrl + "/webhooks/" + type + "/";
    ApiCall created = api.post("/api/v1/channels", tenant.token(),
        Map.of("type", type, "name", type + " " + id, "credentials", withSecret, "settings", withUrl));
    TestApi.expect(created, 201);
    UUID channelId = UUID.fromString(created.text("id"));
    URI target = URI.create(created.text("webhookUrl").replaceFirst("^https?://[^/]+", baseUrl));
    if (type.equals("square")) {
      withUrl.put("webhookUrl", target.toString());
      TestApi.expect(api.send(org.springframework.http.HttpMethod.PATCH, "/api/v1/channels/" + channelId,
          tenant.token(), Map.of("settings", withUrl)), 200);
    }
    simulator.webhookTarget(target, secret);
    secrets.put(simulator, secret);
    targets.put(simulator, target);
    return channelId;
  }

  @Override
  public void close() {
    simulators.forEach(ChannelSimulator::close);
  }
}
