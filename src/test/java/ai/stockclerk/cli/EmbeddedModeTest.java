package ai.stockclerk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.testing.ApiCall;
import ai.stockclerk.testing.TestApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import ai.stockclerk.testing.TestHttp;
import org.springframework.web.client.RestClient;

/**
 * `serve` with no settings: starts its own PostgreSQL under the data directory, generates its keys
 * there (owner-only), answers health UP, and keeps everything across a restart.
 */
class EmbeddedModeTest {

  @TempDir
  Path dataDir;

  @Test
  void servesWithNoSettingsAndKeepsDataAcrossARestart() throws Exception {
    UUID product;
    String email;
    try (ConfigurableApplicationContext first = ServeCommand.start(0, dataDir, List.of())) {
      TestApi api = api(first);
      assertThat(api.get("/actuator/health", null).text("status")).isEqualTo("UP");
      TestApi.Tenant tenant = api.register("Embedded Bakery");
      email = tenant.email();
      product = api.product(tenant, "LOAF-1", 12, 2);
      api.post("/api/v1/products/" + product + "/stock", tenant.token(), Map.of("delta", -2));
    }
    assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();
    assertThat(Files.getPosixFilePermissions(dataDir.resolve("keys/encryption.key")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    try (ConfigurableApplicationContext second = ServeCommand.start(0, dataDir, List.of())) {
      TestApi api = api(second);
      ApiCall login = api.post("/api/v1/auth/login", null, Map.of("email", email, "password", "correct horse battery"));
      assertThat(login.status()).isEqualTo(200);
      ApiCall stored = api.get("/api/v1/products/" + product, login.text("token"));
      assertThat(stored.body().path("stock").asInt()).isEqualTo(10);
      assertThat(api.get("/api/v1/movements?productId=" + product, login.text("token")).body().path("total").asInt())
          .isEqualTo(2);
    }
  }

  private static TestApi api(ConfigurableApplicationContext context) {
    return new TestApi(RestClient.builder().requestFactory(TestHttp.plainFactory())
        .baseUrl(ServeCommand.baseUrl(context))
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
        .build());
  }
}
