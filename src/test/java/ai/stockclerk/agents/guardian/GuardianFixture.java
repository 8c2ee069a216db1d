package ai.stockclerk.agents.guardian;

import static org.awaitility.Awaitility.await;

import ai.stockclerk.channels.simulator.ChannelSimulator;
import ai.stockclerk.channels.simulator.DeliverooDialect;
import ai.stockclerk.testing.ApiCall;
import ai.stockclerk.testing.TestApi;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpMethod;

/**
 * A tenant with a Square till, a Shopify web shop and a Deliveroo delivery app, each a simulator
 * sending signed webhooks to the service; product n is {@code sq-n}, {@code n} and {@code d-n}.
 */
final class GuardianFixture implements AutoCloseable {

  static final String SHOPIFY_LOCATION = "gid://shopify/Location/1001";

  final TestApi api;
  final TestApi.Tenant tenant;
  final String baseUrl;
  final List<ChannelSimulator> simulators = new ArrayList<>();
  ChannelSimulator till;
  ChannelSimulator shop;
  ChannelSimulator delivery;
  UUID tillId;
  UUID shopId;
  UUID deliveryId;
  final Map<String, UUID> mappings = new HashMap<>();

  GuardianFixture(TestApi api, int port, String name) {
    this.api = api;
    this.baseUrl = "http://localhost:" + port;
    this.tenant = api.register(name);
    till = start("square");
    shop = start("shopify");
    delivery = start("deliveroo");
    tillId = connect(till, "square", Map.of("accessToken", "EAAA-sim"), Map.of("locationId", "SIMLOC1"));
    shopId = connect(shop, "shopify", Map.of("accessToken", "shpat_sim", "shopDomain", "stockclerk-sim.myshopify.com"),
        Map.of("locationId", SHOPIFY_LOCATION));
    deliveryId = connect(delivery, "deliveroo", Map.of("clientId", "sim-client", "clientSecret", "sim-secret"),
        Map.of("brandId", DeliverooDialect.BRAND_ID, "siteId", DeliverooDialect.SITE_ID, "menuId",
            DeliverooDialect.MENU_ID));
  }

  /** A product on all three channels, each already showing the level it should. */
  UUID product(int n, int stock, int buffer) {
    UUID product = api.product(tenant, "SKU-" + n, stock, buffer);
    till.createItem("sq-" + n, "SKU-" + n, stock);
    shop.createItem(Integer.toString(n), "SKU-" + n, Math.max(0, stock - buffer));
    delivery.createItem("d-" + n, "SKU-" + n, stock - buffer > 0 ? 1 : 0);
    mappings.put("sq-" + n, api.mapping(tenant, product, tillId, "sq-" + n));
    mappings.put(Integer.toString(n), api.mapping(tenant, product, shopId, Integer.toString(n)));
    mappings.put("d-" + n, api.mapping(tenant, product, deliveryId, "d-" + n));
    return product;
  }

  /** The mapping (channel item) id of an external id. */
  UUID item(String externalId) {
    return mappings.get(externalId);
  }

  int stock(UUID product) {
    return api.get("/api/v1/products/" + product, tenant.token()).body().path("stock").asInt();
  }

  /** Runs a reconciliation, waiting out a scheduled run that may hold the tenant's lease. */
  ApiCall reconcile(Map<String, Object> scope) {
    ApiCall[] last = new ApiCall[1];
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
      last[0] = api.post("/api/v1/sync/reconcile", tenant.token(), scope);
      return last[0].status() != 409;
    });
    TestApi.expect(last[0], 200);
    return last[0];
  }

  /** Waits until the first pushes are done and a run finds every channel in step. */
  void awaitInStep(int items) {
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
      ApiCall run = reconcile(Map.of());
      return run.body().path("itemsChecked").asInt() == items && run.body().path("driftFound").asInt() == 0
          && pending(run) == 0;
    });
  }

  static int pending(ApiCall run) {
    int pending = 0;
    for (var channel : run.body().path("report").path("channels")) {
      pending += channel.path("pendingPush").asInt();
    }
    return pending;
  }

  private ChannelSimulator start(String vendor) {
    ChannelSimulator simulator = vendor.equals("deliveroo")
        ? ChannelSimulator.start(new DeliverooDialect(), 0, null, null)
        : ChannelSimulator.start(vendor, 0, null, null);
    simulators.add(simulator);
    return simulator;
  }

  private UUID connect(ChannelSimulator simulator, String type, Map<String, String> credentials,
      Map<String, Object> settings) {
    String secret = "whsec-" + UUID.randomUUID();
    Map<String, String> withSecret = new HashMap<>(credentials);
    withSecret.put("webhookSecret", secret);
    Map<String, Object> withUrl = new HashMap<>(settings);
    withUrl.put("apiBaseUrl", simulator.baseUrl().toString());
    ApiCall created = api.post("/api/v1/channels", tenant.token(),
        Map.of("type", type, "name", type + " " + UUID.randomUUID(), "credentials", withSecret, "settings", withUrl));
    TestApi.expect(created, 201);
    UUID channelId = UUID.fromString(created.text("id"));
    URI target = URI.create(created.text("webhookUrl").replaceFirst("^https?://[^/]+", baseUrl));
    if (type.equals("square")) {
      withUrl.put("webhookUrl", target.toString());
      TestApi.expect(api.send(HttpMethod.PATCH, "/api/v1/channels/" + channelId, tenant.token(),
          Map.of("settings", withUrl)), 200);
    }
    simulator.webhookTarget(target, secret);
    return channelId;
  }

  @Override
  public void close() {
    simulators.forEach(ChannelSimulator::close);
  }
}
