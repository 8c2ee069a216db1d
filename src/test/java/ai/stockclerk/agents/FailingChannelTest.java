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

/**
 * A channel answering 5xx and 429 for a while: its pushes back off and converge, while the tenant's
 * other channels and another tenant carry on at their usual speed. Refused credentials disconnect
 * the channel.
 */
class FailingChannelTest extends ServiceTest {

  private FlowFixture failing;
  private FlowFixture healthy;

  @BeforeEach
  void connect() {
    failing = new FlowFixture(new TestApi(http()), port, "Failing shop").withChannels();
    healthy = new FlowFixture(new TestApi(http()), port, "Healthy shop").withChannels();
  }

  @AfterEach
  void close() {
    failing.close();
    healthy.close();
  }

  @Test
  void aFailingChannelBacksOffAndConvergesWithoutSlowingOthers() {
    UUID product = failing.product(41, 50, 0, 100);
    healthy.product(41, 50, 0, 100);
    failing.awaitFirstPushes();
    healthy.awaitFirstPushes();
    failing.shop.failNext(6, 503);
    failing.shop.rateLimit(1);
    long callsBefore = failing.shop.callCount();

    failing.delivery.sale("d-41", 5);
    long start = System.nanoTime();
    await().atMost(Duration.ofSeconds(5)).until(() -> failing.till.item("sq-41").orElseThrow().level() == 45);
    long sameTenantMillis = (System.nanoTime() - start) / 1_000_000;

    healthy.delivery.sale("d-41", 3);
    long otherStart = System.nanoTime();
    await().atMost(Duration.ofSeconds(5)).until(() -> healthy.till.item("sq-41").orElseThrow().level() == 47
        && healthy.shop.item("41").orElseThrow().level() == 47);
    long otherTenantMillis = (System.nanoTime() - otherStart) / 1_000_000;

    await().atMost(Duration.ofSeconds(60)).until(() -> failing.shop.item("41").orElseThrow().level() == 45);
    assertThat(failing.stock(product)).isEqualTo(45);
    assertThat(failing.shop.callCount() - callsBefore).as("calls to the failing shop").isBetween(7L, 40L);
    assertThat(sameTenantMillis).as("till of the same tenant, ms").isLessThan(5_000);
    assertThat(otherTenantMillis).as("channels of another tenant, ms").isLessThan(5_000);
    var audit = failing.api.get("/api/v1/audit?channelId=" + failing.shopId, failing.tenant.token()).body();
    assertThat(audit.path("items").toString()).contains("\"status\":\"failed\"").contains("\"status\":\"completed\"");
  }

  @Test
  void refusedCredentialsDisconnectTheChannelAndStopPushes() {
    failing.product(42, 20, 0, 100);
    failing.awaitFirstPushes();
    failing.shop.unauthorized(true);

    failing.delivery.sale("d-42", 1);

    await().atMost(Duration.ofSeconds(10)).until(() -> "disconnected".equals(
        failing.api.get("/api/v1/channels/" + failing.shopId, failing.tenant.token()).body().path("status").asString()));
    long calls = failing.shop.callCount();
    failing.delivery.sale("d-42", 1);
    await().atMost(Duration.ofSeconds(5)).until(() -> failing.till.item("sq-42").orElseThrow().level() == 18);
    assertThat(failing.shop.callCount()).as("no pushes to a disconnected channel").isEqualTo(calls);
  }
}
