package ai.stockclerk.channels.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelConnector;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.LevelUpdate;
import ai.stockclerk.channels.PushResult;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.conformance.ChannelConnectorConformanceTest;
import ai.stockclerk.channels.support.TestConnections;
import ai.stockclerk.channels.support.VendorHttpClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShopifySimulatorTest extends ChannelConnectorConformanceTest {

  @Override
  protected String vendor() {
    return "shopify";
  }

  @Override
  protected ChannelConnector connector(VendorHttpClient http) {
    return new ShopifyConnector(http);
  }

  @Override
  protected ChannelConnection connection(String baseUrl, String webhookSecret) {
    return TestConnections.of(ChannelType.SHOPIFY, baseUrl,
        Map.of("accessToken", "shpat_test", "shopDomain", "stockclerk-sim.myshopify.com"),
        Map.of("locationId", "gid://shopify/Location/1001"), webhookSecret);
  }

  @Override
  protected String itemId(int n) {
    return Long.toString(40_000_000L + n);
  }

  @Test
  void staleCompareQuantityIsRefusedNotOverwritten() {
    simulator.createItem(itemId(1), "A", 5);
    simulator.createItem(itemId(2), "B", 5);

    PushResult result = connector.setLevels(connection, List.of(compared(itemId(1), 9, 4), compared(itemId(2), 9, 5)));

    assertThat(result.rejected()).containsEntry(itemId(1), "COMPARE_QUANTITY_STALE");
    assertThat(result.acknowledged()).containsExactly(itemId(2));
    assertThat(simulator.item(itemId(1)).orElseThrow().level()).isEqualTo(5);
    assertThat(simulator.item(itemId(2)).orElseThrow().level()).isEqualTo(9);
  }

  @Test
  void webhookForAnotherLocationIsIgnored() throws Exception {
    WebhookRequest webhook = saleWebhook();
    ChannelConnection otherLocation = TestConnections.of(ChannelType.SHOPIFY, simulator.baseUrl().toString(),
        Map.of("accessToken", "t", "shopDomain", "x.myshopify.com"), Map.of("locationId", "2002"), SECRET);

    assertThat(connector.parseWebhook(otherLocation, webhook)).isEmpty();
    assertThat(connector.parseWebhook(connection, webhook)).hasSize(1);
  }

  @Test
  void webhookRoutesByShopDomainAndDeduplicatesByEventId() throws Exception {
    WebhookRequest webhook = saleWebhook();

    assertThat(connector.instanceIdOf(webhook)).contains("stockclerk-sim.myshopify.com");
    StockEvent event = connector.parseWebhook(connection, webhook).get(0);
    assertThat(event.eventId()).isEqualTo(webhook.header("X-Shopify-Event-Id").orElseThrow());
  }

  @Test
  void throttledAnswerPausesTheChannelAndReportsTheWait() {
    // This client's waits do not pass real time, so the simulator stays throttled throughout.
    simulator.createItem(itemId(1), "A", 5);
    simulator.rateLimit(1);
    connector.readLevels(connection, List.of(itemId(1)));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> connector.readLevels(connection, List.of(itemId(1))))
        .isInstanceOfSatisfying(ai.stockclerk.channels.ChannelException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.retryAfter()).isPresent();
        });
    assertThat(sleeper.waits()).hasSizeGreaterThanOrEqualTo(ShopifyGraphql.MAX_THROTTLED_ATTEMPTS - 1);
  }

  @Test
  void setLevelsSendsOnlyValidIds() {
    PushResult result = connector.setLevels(connection, List.of(LevelUpdate.of("not-an-id", 1)));
    assertThat(result.rejected()).containsKey("not-an-id");
    assertThat(simulator.setCalls()).isZero();
  }
}
