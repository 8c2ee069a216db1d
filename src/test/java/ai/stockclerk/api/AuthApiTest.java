package ai.stockclerk.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.testing.ApiCall;
import ai.stockclerk.testing.ServiceTest;
import ai.stockclerk.testing.TestApi;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthApiTest extends ServiceTest {

  private TestApi api;

  @BeforeEach
  void setUp() {
    api = new TestApi(http());
  }

  @Test
  void registerCreatesTenantAndOwnerAndTheTokenWorks() {
    TestApi.Tenant tenant = api.register("Sourdough & Co");

    ApiCall me = api.get("/api/v1/me", tenant.token());

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body().path("user").path("email").asString()).isEqualTo(tenant.email());
    assertThat(me.body().path("user").path("role").asString()).isEqualTo("owner");
    assertThat(me.body().path("tenant").path("id").asString()).isEqualTo(tenant.tenantId().toString());
    assertThat(me.body().path("tenant").path("status").asString()).isEqualTo("trial");
    assertThat(me.body().path("tenant").path("slug").asString()).startsWith("sourdough-co-");
    assertThat(me.body().toString()).doesNotContain("password");
  }

  @Test
  void loginWithTheRightPasswordGivesAToken() {
    TestApi.Tenant tenant = api.register("Login Shop");

    ApiCall login = api.post("/api/v1/auth/login", null,
        Map.of("email", tenant.email().toUpperCase(), "password", "correct horse battery"));

    assertThat(login.status()).isEqualTo(200);
    assertThat(api.get("/api/v1/me", login.text("token")).status()).isEqualTo(200);
  }

  @Test
  void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
    TestApi.Tenant tenant = api.register("Careful Shop");

    ApiCall wrongPassword = api.post("/api/v1/auth/login", null,
        Map.of("email", tenant.email(), "password", "not the password"));
    ApiCall unknownEmail = api.post("/api/v1/auth/login", null,
        Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com", "password", "not the password"));

    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknownEmail.status()).isEqualTo(401);
    assertThat(wrongPassword.text("detail")).isEqualTo(unknownEmail.text("detail"));
    assertThat(wrongPassword.contentType()).startsWith("application/problem+json");
  }

  @Test
  void duplicateEmailIsAConflict() {
    TestApi.Tenant tenant = api.register("First");

    ApiCall again = api.post("/api/v1/auth/register", null,
        Map.of("tenantName", "Second", "email", tenant.email(), "password", "another password"));

    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void loginAttemptsAreRateLimitedPerEmail() {
    TestApi.Tenant tenant = api.register("Guessed Shop");
    int tooMany = 0;
    String retryAfter = null;
    for (int i = 0; i < 15; i++) {
      ApiCall call = api.post("/api/v1/auth/login", null, Map.of("email", tenant.email(), "password", "guess" + i));
      if (call.status() == 429) {
        tooMany++;
        retryAfter = call.headers().getFirst("Retry-After");
      }
    }
    assertThat(tooMany).isGreaterThanOrEqualTo(5);
    assertThat(retryAfter).isNotNull();
    assertThat(Integer.parseInt(retryAfter)).isPositive();
  }

  @Test
  void missingTamperedAndForeignTokensAreRefused() {
    TestApi.Tenant tenant = api.register("Token Shop");
    String[] parts = tenant.token().split("\\.");
    String tamperedPayload = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
    String unsigned = parts[0].replace(parts[0], "eyJhbGciOiJub25lIn0") + "." + parts[1] + ".";

    assertThat(api.get("/api/v1/me", null).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/me", tamperedPayload).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/me", unsigned).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/me", "not-a-token").status()).isEqualTo(401);
    assertThat(api.get("/api/v1/me", null).contentType()).startsWith("application/problem+json");
  }

  @Test
  void healthAndApiDescriptionAreOpen() {
    ApiCall health = api.get("/actuator/health", null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.text("status")).isEqualTo("UP");
    assertThat(api.get("/v3/api-docs", null).body().path("paths").has("/api/v1/products")).isTrue();
    assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(200);
  }
}
