package ai.stockclerk.channels.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.channels.CatalogItem;
import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelConnector;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.LevelUpdate;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.conformance.ChannelConnectorConformanceTest;
import ai.stockclerk.channels.support.TestConnections;
import ai.stockclerk.channels.support.VendorHttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WooCommerceSimulatorTest extends ChannelConnectorConformanceTest {

  @Override
  protected String vendor() {
    return "woocommerce";
  }

  @Override
  protected ChannelConnector connector(VendorHttpClient http) {
    return new WooCommerceConnector(http);
  }

  @Override
  protected ChannelConnection connection(String baseUrl, String webhookSecret) {
    return TestConnections.of(ChannelType.WOOCOMMERCE, baseUrl,
        Map.of("consumerKey", "ck_test", "consumerSecret", "cs_test"), Map.of(), webhookSecret);
  }

  @Override
  protected String itemId(int n) {
    return Integer.toString(100 + n);
  }

  @Test
  void variationsAreReadWrittenAndReportedUnderOneId() throws Exception {
    simulator.createItem("500:501", "V-1", 4);
    simulator.createItem("500:502", "V-2", 6);

    connector.setLevels(connection, List.of(LevelUpdate.of("500:501", 11)));

    assertThat(connector.readLevels(connection, List.of("500:501", "500:502"))).isEqualTo(Map.of("500:501", 11, "500:502", 6));
    assertThat(connector.listCatalog(connection)).extracting(CatalogItem::externalId).containsExactlyInAnyOrder("500:501", "500:502");
    simulator.sale("500:502", 2);
    WebhookRequest webhook = receiver.next();
    connector.verifyWebhook(connection, webhook);
    assertThat(connector.parseWebhook(connection, webhook)).singleElement()
        .extracting(StockEvent::externalId).isEqualTo("500:502");
  }

  @Test
  void creationPingIsAcceptedAndCarriesNoEvents() throws Exception {
    WebhookRequest ping = new WebhookRequest("https://x/webhooks", Map.of(), "webhook_id=12".getBytes(StandardCharsets.UTF_8), Instant.now());

    connector.verifyWebhook(connection, ping);
    assertThat(connector.parseWebhook(connection, ping)).isEmpty();
  }

  @Test
  void routesBySourceHeader() throws Exception {
    assertThat(connector.instanceIdOf(saleWebhook())).contains("https://stockclerk-sim.example/");
  }
}
