package ai.stockclerk.channels.square;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelConnector;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.LevelUpdate;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.conformance.ChannelConnectorConformanceTest;
import ai.stockclerk.channels.support.TestConnections;
import ai.stockclerk.channels.support.VendorHttpClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SquareSimulatorTest extends ChannelConnectorConformanceTest {

  @Override
  protected String vendor() {
    return "square";
  }

  @Override
  protected ChannelConnector connector(VendorHttpClient http) {
    return new SquareConnector(http);
  }

  @Override
  protected ChannelConnection connection(String baseUrl, String webhookSecret) {
    return TestConnections.of(ChannelType.SQUARE, baseUrl, Map.of("accessToken", "EAAA-test"),
        Map.of("locationId", "SIMLOC1"), webhookSecret);
  }

  @Override
  protected String itemId(int n) {
    return String.format("VAR%05d", n);
  }

  @Test
  void webhookSignedForAnotherUrlFails() throws Exception {
    WebhookRequest webhook = saleWebhook();
    WebhookRequest elsewhere = new WebhookRequest("https://attacker.example/webhooks", webhook.headers(), webhook.body(), webhook.receivedAt());

    assertSignatureRejected(elsewhere);
  }

  @Test
  void registeredUrlSettingWinsOverTheUrlSeen() throws Exception {
    WebhookRequest webhook = saleWebhook();
    WebhookRequest behindProxy = new WebhookRequest("http://internal:8080/webhooks", webhook.headers(), webhook.body(), webhook.receivedAt());
    ChannelConnection withUrl = TestConnections.of(ChannelType.SQUARE, simulator.baseUrl().toString(),
        Map.of("accessToken", "t"), Map.of("locationId", "SIMLOC1", "webhookUrl", webhook.url()), SECRET);

    connector.verifyWebhook(withUrl, behindProxy);
  }

  @Test
  void routesByMerchantId() throws Exception {
    assertThat(connector.instanceIdOf(saleWebhook())).contains("SIMMERCHANT");
  }

  @Test
  void sameIdempotencyKeysAreDroppedBySquare() {
    simulator.createItem(itemId(1), "A", 1);
    List<LevelUpdate> push = List.of(new LevelUpdate(itemId(1), 5, java.util.OptionalInt.empty(), "push-1"));
    connector.setLevels(connection, push);
    simulator.manualEdit(itemId(1), 2);

    connector.setLevels(connection, push);

    assertThat(simulator.item(itemId(1)).orElseThrow().level()).isEqualTo(2);
  }
}
