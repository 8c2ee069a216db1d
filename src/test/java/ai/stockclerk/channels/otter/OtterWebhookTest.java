package ai.stockclerk.channels.otter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.StockEvent.QuantityChange.Kind;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRejectedException.Reason;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.support.Hmacs;
import ai.stockclerk.testing.MutableClock;
import ai.stockclerk.channels.support.OAuthTokenCache;
import ai.stockclerk.channels.support.RecordingSleeper;
import ai.stockclerk.channels.support.TestConnections;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtterWebhookTest {

  static final String SECRET = "otter-webhook-secret";
  private static final Instant NOW = Instant.parse("2026-01-01T12:30:02Z");

  private final MutableClock clock = new MutableClock(NOW);
  private final OtterConnector connector = new OtterConnector(
      TestConnections.fastClient(clock, new RecordingSleeper(clock)), OAuthTokenCache.systemDefault(), clock);
  private final ChannelConnection connection = TestConnections.of(ChannelType.OTTER, "https://otter.example",
      Map.of("clientId", "c", "clientSecret", "s"), Map.of("storeId", "our-store-17"), SECRET);

  static String resource(String name) {
    try (InputStream in = OtterWebhookTest.class.getResourceAsStream("/channels/otter/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] mac(String secret, String body) {
    return Hmacs.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8));
  }

  private static WebhookRequest request(String body, String signature) {
    return new WebhookRequest("https://stockclerk.example/webhooks/otter",
        signature == null ? Map.of() : Map.of("X-HMAC-SHA256", List.of(signature)),
        body.getBytes(StandardCharsets.UTF_8), NOW);
  }

  private void assertSignatureRejected(WebhookRequest request) {
    assertThatThrownBy(() -> connector.verifyWebhook(connection, request))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE));
  }

  @Test
  void hexOrBase64MacOfTheRawBodyPassesAndOrderBecomesSales() {
    String body = resource("new-order.json");
    connector.verifyWebhook(connection, request(body, Hmacs.hex(mac(SECRET, body))));
    connector.verifyWebhook(connection, request(body, Hmacs.base64(mac(SECRET, body))));

    WebhookRequest request = request(body, Hmacs.hex(mac(SECRET, body)));
    assertThat(connector.instanceIdOf(request)).contains("our-store-17");
    Instant at = Instant.parse("2026-01-01T12:30:00Z");
    assertThat(connector.parseWebhook(connection, request)).containsExactly(
        new StockEvent.QuantityChange("burger-1", Kind.SALE, 3, "7a3e8c1d-5b2f-4c6a-9e0d-1f2a3b4c5d6e", at),
        new StockEvent.QuantityChange("shake-1", Kind.SALE, 1, "7a3e8c1d-5b2f-4c6a-9e0d-1f2a3b4c5d6e", at));
  }

  @Test
  void tamperedBodyWrongSecretMissingHeaderAndReserialisedJsonFail() {
    String body = resource("new-order.json");
    String signature = Hmacs.hex(mac(SECRET, body));
    assertSignatureRejected(request(body.replace("\"quantity\": 2", "\"quantity\": 20"), signature));
    assertSignatureRejected(request(body, Hmacs.hex(mac("wrong", body))));
    assertSignatureRejected(request(body, null));
    assertSignatureRejected(request(body.replaceAll("\\s+", ""), signature));
  }

  @Test
  void cancelledOrdersGiveBackAndAvailabilityChangesGiveNothing() {
    String cancelled = resource("new-order.json").replace("orders.new_order", "orders.order_update")
        .replace("NEW_ORDER", "CANCELED");
    assertThat(connector.parseWebhook(connection, request(cancelled, null)))
        .extracting(e -> ((StockEvent.QuantityChange) e).kind()).containsOnly(Kind.CANCEL);
    String confirmed = cancelled.replace("CANCELED", "CONFIRMED");
    assertThat(connector.parseWebhook(connection, request(confirmed, null))).isEmpty();
    assertThat(connector.parseWebhook(connection, request(resource("availability-update.json"), null))).isEmpty();
  }

  @Test
  void malformedBodiesAreTypedRejections() {
    for (String body : List.of("", "42", "{}", "{\"eventId\":\"e\",\"eventType\":\"orders.new_order\"}",
        "{\"eventId\":\"e\",\"eventType\":\"orders.new_order\",\"eventTime\":\"noon\",\"metadata\":{\"payload\":{\"items\":[]}}}")) {
      assertThatThrownBy(() -> connector.parseWebhook(connection, request(body, null)))
          .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }
  }
}
