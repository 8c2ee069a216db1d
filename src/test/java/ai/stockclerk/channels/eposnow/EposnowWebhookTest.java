package ai.stockclerk.channels.eposnow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRejectedException.Reason;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.testing.MutableClock;
import ai.stockclerk.channels.support.RecordingSleeper;
import ai.stockclerk.channels.support.TestConnections;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EposnowWebhookTest {

  static final String SECRET = "k7Qz-epos-webhook-token";
  private static final Instant NOW = Instant.parse("2026-01-01T08:00:00Z");
  private static final String URL = "https://stockclerk.example/webhooks/eposnow/ch-1";

  private final MutableClock clock = new MutableClock(NOW);
  private final EposnowConnector connector = new EposnowConnector(TestConnections.fastClient(clock, new RecordingSleeper(clock)));
  private final ChannelConnection connection = TestConnections.of(ChannelType.EPOSNOW, null,
      Map.of("apiKey", "k", "apiSecret", "s"), Map.of("locationId", "12"), SECRET);

  static String resource(String name) {
    try (InputStream in = EposnowWebhookTest.class.getResourceAsStream("/channels/eposnow/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static WebhookRequest request(String url, String body) {
    return new WebhookRequest(url, Map.of("Content-Type", List.of("application/json")), body.getBytes(StandardCharsets.UTF_8), NOW);
  }

  private void assertSignatureRejected(ChannelConnection channel, String url) {
    assertThatThrownBy(() -> connector.verifyWebhook(channel, request(url, "{}")))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE));
  }

  @Test
  void tokenInTheRegisteredUrlPassesAndStockRecordsBecomeLevelReports() {
    String body = "[" + resource("product-stock-v4.json") + "," + resource("product-stock-v2.json") + "]";
    WebhookRequest request = request(URL + "?token=" + SECRET, body);

    connector.verifyWebhook(connection, request);

    assertThat(connector.parseWebhook(connection, request)).containsExactly(
        new StockEvent.LevelReport("4711", 8, null, NOW), new StockEvent.LevelReport("4712", 9, null, NOW));
  }

  @Test
  void wrongMissingOrDoubledTokensFail() {
    assertSignatureRejected(connection, URL + "?token=" + SECRET + "x");
    assertSignatureRejected(connection, URL);
    assertSignatureRejected(connection, URL + "?other=" + SECRET);
    assertSignatureRejected(connection, URL + "?token=" + SECRET + "&token=" + SECRET);
    assertSignatureRejected(connection, "not a url ?token=" + SECRET);
  }

  @Test
  void channelWithoutSecretFailsClosed() {
    ChannelConnection noSecret = TestConnections.of(ChannelType.EPOSNOW, null, Map.of(), Map.of(), "");
    assertSignatureRejected(noSecret, URL + "?token=");
  }

  @Test
  void otherLocationsAndUnknownShapesGiveNoEvents() {
    String elsewhere = resource("product-stock-v4.json").replace("\"LocationId\": 12", "\"LocationId\": 99");
    assertThat(connector.parseWebhook(connection, request(URL, elsewhere))).isEmpty();
    assertThat(connector.parseWebhook(connection, request(URL, "{\"EventName\":\"TransactionCreated\",\"Id\":5}"))).isEmpty();
  }

  @Test
  void malformedBodiesAreTypedRejections() {
    for (String body : List.of("", "nope", "\"text\"", "{\"ProductId\": 1, ")) {
      assertThatThrownBy(() -> connector.parseWebhook(connection, request(URL, body)))
          .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }
  }
}
