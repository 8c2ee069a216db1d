package ai.stockclerk.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.testing.ApiCall;
import ai.stockclerk.testing.ServiceTest;
import ai.stockclerk.testing.TestApi;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every /api/v1 route with a second tenant's token against the first tenant's data: ids
 * answer 404 (never 403 or data), lists come back empty, and nothing of the first tenant changes.
 * The test fails when a route is added without being walked here.
 */
class CrossTenantApiTest extends ServiceTest {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired
  ai.stockclerk.agents.alert.Alerts alerts;

  private final Set<String> walked = new HashSet<>();
  private TestApi api;

  @Test
  void aSecondTenantSeesAndChangesNothingOfTheFirst() {
    api = new TestApi(http());
    TestApi.Tenant owner = api.register("Owner Shop");
    TestApi.Tenant intruder = api.register("Intruder Shop");
    UUID product = api.product(owner, "OWN-1", 10, 2);
    UUID channel = UUID.fromString(api.channel(owner, "shopify", "Owner web").text("id"));
    UUID mapping = api.mapping(owner, product, channel, "ext-1");
    api.post("/api/v1/products/" + product + "/stock", owner.token(), Map.of("delta", -1));
    String t = intruder.token();

    expect404("GET", "/api/v1/channels/{id}", "/api/v1/channels/" + channel, t, null);
    expect404("PATCH", "/api/v1/channels/{id}", "/api/v1/channels/" + channel, t, Map.of("name", "stolen"));
    expect404("DELETE", "/api/v1/channels/{id}", "/api/v1/channels/" + channel, t, null);
    expect404("GET", "/api/v1/products/{id}", "/api/v1/products/" + product, t, null);
    expect404("PATCH", "/api/v1/products/{id}", "/api/v1/products/" + product, t, Map.of("name", "stolen"));
    expect404("DELETE", "/api/v1/products/{id}", "/api/v1/products/" + product, t, null);
    expect404("POST", "/api/v1/products/{id}/stock", "/api/v1/products/" + product + "/stock", t,
        Map.of("delta", -5));
    expect404("DELETE", "/api/v1/mappings/{id}", "/api/v1/mappings/" + mapping, t, null);
    UUID ownProduct = api.product(intruder, "INT-1", 1, 0);
    expect404("POST", "/api/v1/mappings", "/api/v1/mappings", t,
        Map.of("productId", ownProduct, "channelId", channel, "externalId", "steal"));

    UUID alert = alerts.raise(owner.tenantId(), ai.stockclerk.agents.alert.AlertType.SYSTEM, "Owner subject",
        ai.stockclerk.agents.alert.AlertSeverity.LOW, "Owner alert", Map.of()).alert().id();
    expect404("GET", "/api/v1/alerts/{id}", "/api/v1/alerts/" + alert, t, null);
    expect404("GET", "/api/v1/alerts/{id}/deliveries", "/api/v1/alerts/" + alert + "/deliveries", t, null);
    expect404("POST", "/api/v1/alerts/{id}/read", "/api/v1/alerts/" + alert + "/read", t, null);
    expect404("POST", "/api/v1/alerts/{id}/resolve", "/api/v1/alerts/" + alert + "/resolve", t, null);
    expectEmpty("GET", "/api/v1/alerts", "/api/v1/alerts", t);
    ApiCall settings = api.get("/api/v1/alerts/settings", t);
    assertThat(settings.body().path("webhookSecretSet").asBoolean()).isFalse();
    walked.add("GET /api/v1/alerts/settings");
    walked.add("PUT /api/v1/alerts/settings");
    expectEmpty("GET", "/api/v1/channels", "/api/v1/channels", t);
    expectEmpty("GET", "/api/v1/products", "/api/v1/products?q=OWN", t);
    expectEmpty("GET", "/api/v1/mappings", "/api/v1/mappings?productId=" + product, t);
    expectEmpty("GET", "/api/v1/movements", "/api/v1/movements?productId=" + product, t);
    expectEmpty("GET", "/api/v1/audit", "/api/v1/audit?productId=" + product, t);
    ApiCall me = api.get("/api/v1/me", t);
    assertThat(me.body().path("tenant").path("id").asString()).isEqualTo(intruder.tenantId().toString());
    walked.add("GET /api/v1/me");

    ApiCall ownerRun = api.post("/api/v1/sync/reconcile", owner.token(), Map.of());
    assertThat(ownerRun.status()).as("owner's reconcile").isEqualTo(200);
    expect404("POST", "/api/v1/sync/reconcile", "/api/v1/sync/reconcile", t, Map.of("channelId", channel));
    expect404("POST", "/api/v1/sync/reconcile", "/api/v1/sync/reconcile", t, Map.of("productId", product));
    expect404("GET", "/api/v1/sync/reconcile/runs/{id}", "/api/v1/sync/reconcile/runs/" + ownerRun.text("id"), t,
        null);
    expectEmpty("GET", "/api/v1/sync/reconcile/runs", "/api/v1/sync/reconcile/runs", t);
    expect404("POST", "/api/v1/sync/drift/{itemId}/accept-channel",
        "/api/v1/sync/drift/" + mapping + "/accept-channel", t, null);
    expect404("POST", "/api/v1/sync/drift/{itemId}/push-ours", "/api/v1/sync/drift/" + mapping + "/push-ours", t,
        null);
    ApiCall agents = api.get("/api/v1/agents", t);
    assertThat(agents.status()).isEqualTo(200);
    assertThat(agents.raw()).doesNotContain(owner.tenantId().toString());
    agents.body().forEach(agent -> assertThat(agent.path("processed").asLong()).as("intruder's agents did nothing")
        .isZero());
    walked.add("GET /api/v1/agents");
    // The live stream is tenant-scoped by its subscription; LiveEventsAndStatusTest shows a second
    // tenant's stream receives none of the first tenant's events.
    walked.add("GET /api/v1/events");
    ApiCall admin = api.get("/api/v1/admin/tenants", t);
    assertThat(admin.status()).as("operator routes refuse ordinary users").isEqualTo(403);
    assertThat(admin.raw()).doesNotContain(owner.tenantId().toString());
    walked.add("GET /api/v1/admin/tenants");
    walked.add("POST /api/v1/products");
    walked.add("POST /api/v1/channels");
    walked.add("POST /api/v1/auth/register");
    walked.add("POST /api/v1/auth/login");

    ApiCall ownerView = api.get("/api/v1/products/" + product, owner.token());
    assertThat(ownerView.text("name")).isEqualTo("Product OWN-1");
    assertThat(ownerView.body().path("stock").asInt()).isEqualTo(9);
    assertThat(api.get("/api/v1/channels/" + channel, owner.token()).text("name")).isEqualTo("Owner web");
    assertThat(api.get("/api/v1/mappings?channelId=" + channel, owner.token()).body().size()).isEqualTo(1);
    assertThat(api.get("/api/v1/alerts/" + alert, owner.token()).text("status")).isEqualTo("open");

    assertThat(walked).as("every /api/v1 route is walked by this test").containsAll(apiRoutes());
  }

  private void expect404(String method, String route, String path, String token, Object body) {
    ApiCall call = api.send(HttpMethod.valueOf(method), path, token, body);
    assertThat(call.status()).as(method + " " + path).isEqualTo(404);
    assertThat(call.raw()).doesNotContain("OWN-1", "Owner");
    walked.add(method + " " + route);
  }

  private void expectEmpty(String method, String route, String path, String token) {
    ApiCall call = api.send(HttpMethod.valueOf(method), path, token, null);
    assertThat(call.status()).as(path).isEqualTo(200);
    int size = call.body().has("items") ? call.body().path("items").size() : call.body().size();
    assertThat(size).as(path).isZero();
    walked.add(method + " " + route);
  }

  private Set<String> apiRoutes() {
    Set<String> routes = new TreeSet<>();
    mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
        .filter(p -> p.startsWith("/api/v1"))
        .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> routes.add(m.name() + " " + p))));
    return routes;
  }
}
