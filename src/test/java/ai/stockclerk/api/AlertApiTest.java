package ai.stockclerk.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.agents.alert.AlertServiceTest;
import ai.stockclerk.agents.alert.AlertSeverity;
import ai.stockclerk.agents.alert.AlertType;
import ai.stockclerk.agents.alert.Alerts;
import ai.stockclerk.testing.ApiCall;
import ai.stockclerk.testing.TestApi;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/** /api/v1/alerts as a client uses it: list, filter, page, read, resolve, and notification settings. */
class AlertApiTest extends AlertServiceTest {

  @Autowired Alerts alerts;

  private TestApi api;
  private TestApi.Tenant tenant;

  @BeforeEach
  void setUp() {
    api = api();
    tenant = api.register("Api Alerts Shop");
  }

  @Test
  void listsFiltersAndPagesAlertsAndMovesThemThroughTheirStates() {
    UUID drift = raise(AlertType.DRIFT, "item:1", AlertSeverity.HIGH);
    raise(AlertType.DRIFT, "item:2", AlertSeverity.LOW);
    raise(AlertType.SYSTEM, "disk", AlertSeverity.MEDIUM);
    raise(AlertType.DRIFT, "item:1", AlertSeverity.HIGH);

    ApiCall all = api.get("/api/v1/alerts", tenant.token());
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.body().path("total").asInt()).isEqualTo(3);
    ApiCall drifts = api.get("/api/v1/alerts?type=drift&size=1&page=1", tenant.token());
    assertThat(drifts.body().path("total").asInt()).isEqualTo(2);
    assertThat(drifts.body().path("items").size()).isEqualTo(1);

    ApiCall one = api.get("/api/v1/alerts/" + drift, tenant.token());
    assertThat(one.text("status")).isEqualTo("open");
    assertThat(one.body().path("occurrences").asInt()).isEqualTo(2);
    assertThat(one.body().path("metadata").path("subject").asString()).isEqualTo("item:1");

    assertThat(api.post("/api/v1/alerts/" + drift + "/read", tenant.token(), null).text("status")).isEqualTo("read");
    assertThat(api.get("/api/v1/alerts?status=read", tenant.token()).body().path("items").get(0).path("id")
        .asString()).isEqualTo(drift.toString());
    ApiCall resolved = api.post("/api/v1/alerts/" + drift + "/resolve", tenant.token(), null);
    assertThat(resolved.text("status")).isEqualTo("resolved");
    assertThat(resolved.text("resolvedAt")).isNotBlank();
    assertThat(api.get("/api/v1/alerts?state=open", tenant.token()).body().path("total").asInt()).isEqualTo(2);
    assertThat(api.get("/api/v1/alerts/" + drift + "/deliveries", tenant.token()).body().size()).isZero();
  }

  @Test
  void badFiltersAndUnknownIdsAreProblemsNotErrors() {
    assertProblem(api.get("/api/v1/alerts?status=closed", tenant.token()), 400);
    assertProblem(api.get("/api/v1/alerts?type=weather", tenant.token()), 400);
    assertProblem(api.get("/api/v1/alerts?size=0", tenant.token()), 400);
    assertProblem(api.get("/api/v1/alerts/" + UUID.randomUUID(), tenant.token()), 404);
    assertProblem(api.post("/api/v1/alerts/" + UUID.randomUUID() + "/resolve", tenant.token(), null), 404);
    assertProblem(api.get("/api/v1/alerts/not-a-uuid", tenant.token()), 400);
    assertThat(api.get("/api/v1/alerts", null).status()).isEqualTo(401);
  }

  @Test
  void settingsKeepTheWebhookSecretWriteOnly() {
    ApiCall defaults = api.get("/api/v1/alerts/settings", tenant.token());
    assertThat(defaults.status()).isEqualTo(200);
    assertThat(defaults.body().path("emailEnabled").asBoolean()).isFalse();
    assertThat(defaults.body().path("webhookSecretSet").asBoolean()).isFalse();
    assertThat(defaults.body().path("emailAvailable").asBoolean()).as("SMTP is configured here").isTrue();

    ApiCall generated = put(settings(true, List.of("Ops@Example.com"), true, "http://127.0.0.1:9/hook", null));
    assertThat(generated.status()).isEqualTo(200);
    String secret = generated.text("generatedWebhookSecret");
    assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
    assertThat(generated.body().path("emailRecipients").get(0).asString()).isEqualTo("ops@example.com");

    ApiCall read = api.get("/api/v1/alerts/settings", tenant.token());
    assertThat(read.body().path("webhookSecretSet").asBoolean()).isTrue();
    assertThat(read.body().has("generatedWebhookSecret")).isFalse();
    assertThat(read.raw()).doesNotContain(secret);

    ApiCall kept = put(settings(false, List.of(), true, "http://127.0.0.1:9/other", null));
    assertThat(kept.body().has("generatedWebhookSecret")).as("the stored secret is kept").isFalse();
    ApiCall given = put(settings(false, List.of(), true, "http://127.0.0.1:9/other", "a-secret-of-my-own-choosing"));
    assertThat(given.raw()).doesNotContain("a-secret-of-my-own-choosing");
  }

  @Test
  void invalidSettingsAreRefusedWithAReason() {
    assertProblem(put(settings(true, List.of(), false, null, null)), 400);
    assertProblem(put(settings(true, List.of("not-an-address"), false, null, null)), 400);
    assertProblem(put(settings(false, List.of(), true, null, null)), 400);
    assertProblem(put(settings(false, List.of(), true, "ftp://example.com/hook", null)), 400);
    assertProblem(put(settings(false, List.of(), true, "https://user:pw@example.com/hook", null)), 400);
    assertProblem(put(settings(false, List.of(), true, "https://example.com/hook", "short")), 400);
    Map<String, Object> badSeverity = settings(false, List.of(), false, null, null);
    badSeverity.put("minimumSeverity", "urgent");
    assertProblem(put(badSeverity), 400);
    assertProblem(api.sendRaw(HttpMethod.PUT, "/api/v1/alerts/settings", tenant.token(), "{\"emailEnabled\":"), 400);

    assertThat(api.get("/api/v1/alerts/settings", tenant.token()).body().path("emailEnabled").asBoolean()).isFalse();
  }

  private UUID raise(AlertType type, String subject, AlertSeverity severity) {
    return alerts.raise(tenant.tenantId(), type, subject, severity, type + " on " + subject, Map.of("subject", subject))
        .alert().id();
  }

  private ApiCall put(Map<String, Object> body) {
    return api.send(HttpMethod.PUT, "/api/v1/alerts/settings", tenant.token(), body);
  }

  private static Map<String, Object> settings(boolean email, List<String> recipients, boolean webhook, String url,
      String secret) {
    Map<String, Object> body = new HashMap<>();
    body.put("emailEnabled", email);
    body.put("emailRecipients", recipients);
    body.put("webhookEnabled", webhook);
    body.put("webhookUrl", url);
    body.put("webhookSecret", secret);
    body.put("minimumSeverity", "low");
    return body;
  }

  private static void assertProblem(ApiCall call, int status) {
    assertThat(call.status()).as(call.raw()).isEqualTo(status);
    assertThat(call.contentType()).startsWith("application/problem+json");
  }
}
