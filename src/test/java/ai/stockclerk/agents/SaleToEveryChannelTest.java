package ai.stockclerk.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.stockclerk.testing.ServiceTest;
import ai.stockclerk.testing.TestApi;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A sale on one simulated channel reaches central stock once and every other channel within seconds. */
class SaleToEveryChannelTest extends ServiceTest {

  private FlowFixture flow;

  @BeforeEach
  void connect() {
    flow = new FlowFixture(new TestApi(http()), port, "Sandwich bar").withChannels();
  }

  @AfterEach
  void close() {
    flow.close();
  }

  @Test
  void deliverySaleLowersStockOnceAndEveryChannelFollowsUntilTheDeliveryAppIsSuspended() {
    UUID product = flow.product(1, 10, 2, 50);
    awaitLevels(10, 8, true);

    assertThat(flow.delivery.sale("d-1", 3).orElseThrow().webhookStatus()).isEqualTo(200);
    awaitLevels(7, 5, true);
    assertThat(flow.stock(product)).isEqualTo(7);

    assertThat(flow.delivery.sale("d-1", 5).orElseThrow().webhookStatus()).isEqualTo(200);
    awaitLevels(2, 0, false);
    assertThat(flow.stock(product)).isEqualTo(2);
  }

  @Test
  void tillSaleReportedAsALevelIsCountedOnceAndRedeliveryChangesNothing() {
    UUID product = flow.product(2, 20, 5, 50);
    await().atMost(Duration.ofSeconds(10)).until(() -> flow.shop.item("2").orElseThrow().level() == 15
        && pushedOnce(flow.till));

    var sale = flow.till.sale("sq-2", 4).orElseThrow();
    assertThat(sale.webhookStatus()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> flow.shop.item("2").orElseThrow().level() == 11);
    assertThat(flow.stock(product)).isEqualTo(16);
    assertThat(flow.till.item("sq-2").orElseThrow().level()).isEqualTo(16);
  }

  @Test
  void aManualStockChangeThroughTheApiReachesEveryChannelAndTheLedger() {
    UUID product = flow.product(1, 10, 2, 50);
    awaitLevels(10, 8, true);

    var change = flow.api.post("/api/v1/products/" + product + "/stock", flow.tenant.token(),
        java.util.Map.of("delta", -8, "reason", "dropped a tray"));

    assertThat(change.status()).isEqualTo(200);
    assertThat(change.body().path("movement").path("delta").asInt()).isEqualTo(-8);
    awaitLevels(2, 0, false);
    assertThat(flow.stock(product)).isEqualTo(2);
  }

  private static boolean pushedOnce(ai.stockclerk.channels.simulator.ChannelSimulator simulator) {
    return simulator.setCalls() >= 1;
  }

  private void awaitLevels(int till, int shop, boolean deliveryAvailable) {
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
      assertThat(flow.till.item("sq-1").orElseThrow().level()).as("till").isEqualTo(till);
      assertThat(flow.shop.item("1").orElseThrow().level()).as("web shop").isEqualTo(shop);
      assertThat(flow.delivery.item("d-1").orElseThrow().available()).as("delivery").isEqualTo(deliveryAvailable);
    });
  }
}
