package ai.stockclerk.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.stockclerk.testing.ServiceTest;
import ai.stockclerk.testing.TestApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live stream carries the tenant's own events only; the agents' counts follow the work done. */
class LiveEventsAndStatusTest extends ServiceTest {

  private FlowFixture flow;
  private FlowFixture other;

  @BeforeEach
  void connect() {
    flow = new FlowFixture(new TestApi(http()), port, "Live").withChannels();
    other = new FlowFixture(new TestApi(http()), port, "Other").withChannels();
  }

  @AfterEach
  void close() {
    flow.close();
    other.close();
  }

  @Test
  void streamsStockAndSyncEventsOfTheCallersTenantOnly() throws Exception {
    flow.product(31, 40, 5, 100);
    other.product(31, 40, 5, 100);
    flow.awaitFirstPushes();
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create(flow.baseUrl + "/api/v1/events"))
        .header("Authorization", "Bearer " + flow.tenant.token()).GET().build();
    var response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    Thread reader = new Thread(() -> {
      try (Stream<String> stream = response.join().body()) {
        stream.forEach(lines::add);
      } catch (RuntimeException closed) {
        // the stream ends when the test ends
      }
    });
    reader.setDaemon(true);
    reader.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> response.isDone());
    assertThat(response.join().statusCode()).isEqualTo(200);

    other.delivery.sale("d-31", 7);
    flow.delivery.sale("d-31", 2);

    await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.equals("event:sync.completed")));
    assertThat(lines).contains("event:stock.changed");
    assertThat(lines.stream().filter(l -> l.startsWith("data:") && l.contains("\"stock\""))).allMatch(
        l -> l.contains("\"stock\":38") && l.contains("\"delta\":-2") && l.contains("\"kind\":\"sale\""));
    response.cancel(true);
  }

  @Test
  void refusesTheStreamWithoutAToken() throws Exception {
    HttpResponse<Void> refused = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(flow.baseUrl + "/api/v1/events")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    assertThat(refused.statusCode()).isEqualTo(401);
  }

  @Test
  void agentStatusCountsWhatTheWatcherAndSyncDidForTheTenant() {
    flow.product(32, 40, 0, 100);
    flow.awaitFirstPushes();
    flow.delivery.sale("d-32", 1);
    flow.delivery.sale("d-32", 1);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      var agents = flow.api.get("/api/v1/agents", flow.tenant.token()).body();
      assertThat(agents.size()).isEqualTo(2);
      assertThat(agents.get(0).path("name").asString()).isEqualTo("watcher");
      assertThat(agents.get(0).path("processed").asLong()).isEqualTo(2);
      assertThat(agents.get(0).path("state").asString()).isEqualTo("running");
      assertThat(agents.get(1).path("name").asString()).isEqualTo("sync");
      assertThat(agents.get(1).path("processed").asLong()).isGreaterThanOrEqualTo(3);
    });
    var others = other.api.get("/api/v1/agents", other.tenant.token()).body();
    assertThat(others.get(0).path("processed").asLong()).isZero();
  }
}
