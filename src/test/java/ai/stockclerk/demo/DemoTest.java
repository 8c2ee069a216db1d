package ai.stockclerk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.stockclerk.cli.DemoCommand;
import ai.stockclerk.testing.ApiCall;
import ai.stockclerk.testing.TestApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatusCode;
import ai.stockclerk.testing.TestHttp;
import org.springframework.web.client.RestClient;

/**
 * `stockclerk demo` in-process (embedded PostgreSQL in a temp data dir, random port, brisk pace):
 * within 60 s the API shows sales as movements, pushes to the channels and drift Guardian repaired;
 * a second start on the same data resumes without seeding twice.
 */
class DemoTest {

  @TempDir
  Path dataDir;

  @Test
  void showsSalesPushesAndRepairedDriftWithinAMinuteAndResumes() {
    try (DemoCommand.Running running = DemoCommand.launch(0, dataDir, DemoSettings.brisk())) {
      TestApi api = api(running.demo().url());
      String token = login(api);
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
        DemoFigures figures = running.demo().figures();
        assertThat(figures.salesSent()).isPositive();
        assertThat(figures.pushes()).isPositive();
        assertThat(figures.driftRepaired()).isPositive();
      });
      assertThat(api.get("/api/v1/movements?size=1", token).body().path("total").asInt()).isPositive();
      assertThat(api.get("/api/v1/channels", token).body()).hasSize(3)
          .anySatisfy(channel -> assertThat(channel.path("lastSyncAt").isNull()).isFalse());
      assertThat(api.get("/api/v1/sync/reconcile/runs?size=200", token).body().path("items"))
          .anySatisfy(run -> assertThat(run.path("driftRepaired").asInt()).isPositive());
    }

    try (DemoCommand.Running again = DemoCommand.launch(0, dataDir, DemoSettings.brisk())) {
      TestApi api = api(again.demo().url());
      String token = login(api);
      assertThat(api.get("/api/v1/products?size=200", token).body().path("total").asInt())
          .isEqualTo(DemoCatalogue.NAMES.size());
      assertThat(api.get("/api/v1/channels", token).body()).hasSize(3);
      assertThat(api.get("/api/v1/mappings", token).body()).hasSize(3 * DemoCatalogue.NAMES.size());
    }
  }

  private static String login(TestApi api) {
    ApiCall login = api.post("/api/v1/auth/login", null,
        Map.of("email", DemoSettings.EMAIL, "password", DemoSettings.PASSWORD));
    TestApi.expect(login, 200);
    return login.text("token");
  }

  private static TestApi api(String url) {
    return new TestApi(RestClient.builder().requestFactory(TestHttp.plainFactory()).baseUrl(url)
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {}).build());
  }
}
