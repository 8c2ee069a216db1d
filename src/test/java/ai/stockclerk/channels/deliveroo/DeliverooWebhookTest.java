package ai.stockclerk.channels.deliveroo;

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
import ai.stockclerk.channels.support.RecordingSleeper;
import ai.stockclerk.channels.support.TestConnections;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliverooWebhookTest {

  static final String SECRET = "deliveroo-webhook-secret";
  static final String GUID = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
  private static final Instant NOW = Instant.parse("2026-01-01T11:00:05Z");

  private final MutableClock clock = new MutableClock(NOW);
  private final DeliverooConnector connector =
      new DeliverooConnector(TestConnections.fastClient(clock, new RecordingSleeper(clock)), clock);
  private final ChannelConnection connection = TestConnections.of(ChannelType.DELIVEROO, null,
      Map.of("clientId", "id", "clientSecret", "api-secret"), Map.of("brandId", "brand-7", "siteId", "site-42"), SECRET);

  static String resource(String name) {
    try (InputStream in = DeliverooWebhookTest.class.getResourceAsStream("/channels/deliveroo/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sign(String secret, String guid, String separator, String body) {
    return Hmacs.hex(Hmacs.hmacSha256(secret.getBytes(StandardCharsets.UTF_8),
        (guid + separator + body).getBytes(StandardCharsets.UTF_8)));
  }

  private static WebhookRequest request(String body, String guid, String signature) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (guid != null) {
      headers.put("X-Deliveroo-Sequence-Guid", List.of(guid));
    }
    if (signature != null) {
      headers.put("X-Deliveroo-Hmac-Sha256", List.of(signature));
    }
    return new WebhookRequest("https://stockclerk.example/webhooks/deliveroo/ch", headers,
        body.getBytes(StandardCharsets.UTF_8), NOW);
  }

  private void assertSignatureRejected(WebhookRequest request) {
    assertThatThrownBy(() -> connector.verifyWebhook(connection, request))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE));
  }

  @Test
  void validSignatureOverGuidSpaceBodyPassesAndOrderBecomesSales() {
    String body = resource("order-new.json");
    WebhookRequest request = request(body, GUID, sign(SECRET, GUID, " ", body));

    connector.verifyWebhook(connection, request);
    assertThat(connector.instanceIdOf(request)).contains("site-42");

    Instant placed = Instant.parse("2026-01-01T11:00:00Z");
    assertThat(connector.parseWebhook(connection, request)).containsExactly(
        new StockEvent.QuantityChange("burger-1", Kind.SALE, 3, GUID, placed),
        new StockEvent.QuantityChange("fries-1", Kind.SALE, 1, GUID, placed));
  }

  @Test
  void legacyNewlineSeparatorIsAccepted() {
    String body = resource("order-new.json");
    connector.verifyWebhook(connection, request(body, GUID, sign(SECRET, GUID, " \n ", body)));
  }

  @Test
  void tamperedBodyWrongSecretAndOtherGuidFail() {
    String body = resource("order-new.json");
    String signature = sign(SECRET, GUID, " ", body);
    assertSignatureRejected(request(body.replace("\"quantity\": 2", "\"quantity\": 1"), GUID, signature));
    assertSignatureRejected(request(body, GUID, sign("another-secret", GUID, " ", body)));
    assertSignatureRejected(request(body, "ffffffff-4f50-6172-8394-a5b6c7d8e9f0", signature));
  }

  @Test
  void missingHeadersFail() {
    String body = resource("order-new.json");
    assertSignatureRejected(request(body, GUID, null));
    assertSignatureRejected(request(body, null, sign(SECRET, GUID, " ", body)));
  }

  @Test
  void reserialisedJsonFails() {
    String body = resource("order-new.json");
    String signature = sign(SECRET, GUID, " ", body);
    assertSignatureRejected(request(body.replaceAll("\\s+", ""), GUID, signature));
  }

  @Test
  void channelWithoutSecretRejectsEverything() {
    ChannelConnection noSecret = TestConnections.of(ChannelType.DELIVEROO, null, Map.of(), Map.of(), null);
    String body = resource("order-new.json");
    assertThatThrownBy(() -> connector.verifyWebhook(noSecret, request(body, GUID, sign("", GUID, " ", body))))
        .isInstanceOf(WebhookRejectedException.class);
  }

  @Test
  void cancelledOrderGivesItemsBackAndOtherUpdatesGiveNothing() {
    String cancelled = resource("order-new.json").replace("\"order.new\"", "\"order.status_update\"")
        .replace("\"placed\"", "\"cancelled\"");
    List<StockEvent> events = connector.parseWebhook(connection, request(cancelled, GUID, null));
    assertThat(events).extracting(e -> ((StockEvent.QuantityChange) e).kind()).containsOnly(Kind.CANCEL);
    assertThat(events).extracting(StockEvent::externalId).containsExactly("burger-1", "fries-1");

    String accepted = cancelled.replace("\"cancelled\"", "\"accepted\"");
    assertThat(connector.parseWebhook(connection, request(accepted, GUID, null))).isEmpty();
    assertThat(connector.parseWebhook(connection, request("{\"event\":\"rider.status_update\",\"body\":{}}", GUID, null))).isEmpty();
  }

  @Test
  void malformedBodiesAreTypedRejections() {
    for (String body : List.of("", "[1,2]", "{\"event\":\"order.new\"}", "{\"event\":\"order.new\",\"body\":{\"order\":{\"items\":[{\"pos_item_id\":\"a\",\"quantity\":-1}]}}}", "<html>")) {
      assertThatThrownBy(() -> connector.parseWebhook(connection, request(body, GUID, null)))
          .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }
  }
}
