package ai.stockclerk.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.stockclerk.channels.simulator.OutgoingWebhook;
import ai.stockclerk.engine.Engine;
import ai.stockclerk.store.Tenancy;
import ai.stockclerk.testing.ServiceTest;
import ai.stockclerk.testing.TestApi;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Webhooks that wait together are taken as one batch; a row that cannot be applied holds up only itself. */
class WatcherBatchTest extends ServiceTest {

  @Autowired Engine engine;
  @Autowired Tenancy tenancy;
  @Autowired JdbcClient jdbc;

  private final HttpClient client = HttpClient.newHttpClient();
  private FlowFixture flow;

  @BeforeEach
  void connect() {
    flow = new FlowFixture(new TestApi(http()), port, "Batch bakery").withChannels();
  }

  @AfterEach
  void close() {
    engine.resume(flow.tenant.tenantId().toString());
    flow.close();
  }

  @Test
  void aBatchWithARowThatFailsStillAppliesTheOthers() throws Exception {
    UUID bread = flow.product(1, 10, 0, 10);
    UUID cake = flow.product(2, 10, 0, 10);
    engine.pause(flow.tenant.tenantId().toString());

    assertThat(send("d-1", 2)).isEqualTo(200);
    assertThat(send("d-2", Integer.MAX_VALUE)).isEqualTo(200);
    assertThat(send("d-2", 100)).as("accepted: the inbox takes it before anything is applied").isEqualTo(200);
    assertThat(send("d-1", 3)).isEqualTo(200);
    engine.resume(flow.tenant.tenantId().toString());

    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      assertThat(flow.stock(bread)).isEqualTo(5);
      assertThat(statuses()).containsExactly("processed", "processed", "received", "processed");
    });
    assertThat(flow.stock(cake)).as("the sale that would overflow the count is not applied")
        .isEqualTo(10 - Integer.MAX_VALUE);
    assertThat(tenancy.inTenant(flow.tenant.tenantId(), () -> jdbc.sql(
        "SELECT attempts FROM webhook_inbox WHERE tenant_id = ? AND status = 'received'")
        .param(flow.tenant.tenantId()).query(Integer.class).single())).isEqualTo(1);
  }

  /**
   * A level the shop reports while our push to that item is in flight waits until the push settles
   * (it could be the push's own effect), then counts as the sale it is; an order arriving meanwhile
   * does not wait with it.
   */
  @Test
  void aLevelReportedWhileAPushToItsItemIsInFlightWaitsForIt() throws Exception {
    UUID bread = flow.product(1, 10, 0, 10);
    UUID cake = flow.product(2, 10, 0, 10);
    flow.awaitFirstPushes();
    UUID shopItem = flow.item("1");
    setInFlight(shopItem, true);

    flow.shop.sale("1", 2).orElseThrow(); // the simulator sends the shop's new level of bread, 8
    assertThat(send("d-2", 3)).isEqualTo(200);
    await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      assertThat(statuses()).containsExactly("received", "processed");
      assertThat(flow.stock(bread)).isEqualTo(10);
      assertThat(flow.stock(cake)).isEqualTo(7);
    });

    setInFlight(shopItem, false);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(flow.stock(bread)).isEqualTo(8);
      assertThat(statuses()).containsExactly("processed", "processed");
    });
  }

  /** As a push's own read and settlement mark and clear it, while its vendor call runs. */
  private void setInFlight(UUID item, boolean inFlight) {
    tenancy.runInTenant(flow.tenant.tenantId(), () -> jdbc.sql(
        "UPDATE channel_items SET push_started_at = CASE WHEN ? THEN now() END WHERE id = ? AND tenant_id = ?")
        .params(inFlight, item, flow.tenant.tenantId()).update());
  }

  private int send(String item, int quantity) throws Exception {
    OutgoingWebhook webhook = flow.delivery.webhookFor(item, quantity, flow.targets.get(flow.delivery),
        flow.secrets.get(flow.delivery));
    HttpRequest.Builder request = HttpRequest.newBuilder(flow.targets.get(flow.delivery))
        .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body()));
    webhook.headers().forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private List<String> statuses() {
    return tenancy.inTenant(flow.tenant.tenantId(), () -> jdbc.sql(
        "SELECT status FROM webhook_inbox WHERE tenant_id = ? ORDER BY id").param(flow.tenant.tenantId())
        .query(String.class).list());
  }
}
