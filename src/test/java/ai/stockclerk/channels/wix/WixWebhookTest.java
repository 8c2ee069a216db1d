package ai.stockclerk.channels.wix;

import static ai.stockclerk.channels.wix.WixTestTokens.OTHER_KEYS;
import static ai.stockclerk.channels.wix.WixTestTokens.WIX_KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRejectedException.Reason;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.testing.MutableClock;
import ai.stockclerk.channels.support.OAuthTokenCache;
import ai.stockclerk.channels.support.RecordingSleeper;
import ai.stockclerk.channels.support.TestConnections;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class WixWebhookTest {

  private static final Instant NOW = Instant.parse("2026-01-01T09:20:00Z");
  private final MutableClock clock = new MutableClock(NOW);
  private final WixConnector connector =
      new WixConnector(TestConnections.fastClient(clock, new RecordingSleeper(clock)), OAuthTokenCache.systemDefault(), clock);
  private final ChannelConnection connection = connection(WixTestTokens.publicKeyPem(WIX_KEYS));

  private static ChannelConnection connection(String pem) {
    return TestConnections.of(
        ChannelType.WIX, null, Map.of("appId", "app", "appSecret", "app-secret", "publicKey", pem),
        Map.of("instanceId", WixTestTokens.INSTANCE_ID), null);
  }

  private static String freshPayload() {
    return WixTestTokens.payload(
        WixTestTokens.resource("inventory-item-updated.json"), NOW.minusSeconds(5), NOW.plus(Duration.ofMinutes(5)));
  }

  private static WebhookRequest request(String body) {
    return new WebhookRequest(
        "https://stockclerk.example/webhooks/wix", Map.of("Content-Type", List.of("text/plain")),
        body.getBytes(StandardCharsets.UTF_8), NOW);
  }

  private void assertRejected(String body, Reason reason) {
    ThrowingCallable verify = () -> connector.verifyWebhook(connection, request(body));
    assertThatThrownBy(verify).isInstanceOfSatisfying(
        WebhookRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void validJwtPassesAndParsesIntoALevelReport() {
    WebhookRequest request = request(WixTestTokens.jwt(freshPayload(), WIX_KEYS.getPrivate()));

    connector.verifyWebhook(connection, request);
    List<StockEvent> events = connector.parseWebhook(connection, request);

    assertThat(events).containsExactly(new StockEvent.LevelReport(
        "a1b2c3d4-0000-4000-8000-000000000001", 12, "6f8b0d9e-2c1a-4f0e-9d55-0c1b2a3d4e5f",
        Instant.parse("2026-01-01T09:15:30.123Z")));
    assertThat(connector.instanceIdOf(request)).contains(WixTestTokens.INSTANCE_ID);
  }

  @Test
  void tamperedPayloadFails() {
    String jwt = WixTestTokens.jwt(freshPayload(), WIX_KEYS.getPrivate());
    String[] parts = jwt.split("\\.");
    String tampered = parts[0] + "." + WixTestTokens.b64(freshPayload().replace("12", "99")) + "." + parts[2];
    assertRejected(tampered, Reason.SIGNATURE);
  }

  @Test
  void tokenSignedWithAnotherKeyFails() {
    assertRejected(WixTestTokens.jwt(freshPayload(), OTHER_KEYS.getPrivate()), Reason.SIGNATURE);
  }

  @Test
  void missingPublicKeyFailsClosed() {
    ChannelConnection withoutKey = connection("");
    WebhookRequest request = request(WixTestTokens.jwt(freshPayload(), WIX_KEYS.getPrivate()));
    assertThatThrownBy(() -> connector.verifyWebhook(withoutKey, request))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE));
  }

  @Test
  void unsignedOrHmacAlgorithmsAreRefused() {
    String[] parts = WixTestTokens.jwt(freshPayload(), WIX_KEYS.getPrivate()).split("\\.");
    assertRejected(WixTestTokens.b64("{\"alg\":\"none\"}") + "." + parts[1] + "." + parts[2], Reason.SIGNATURE);
    assertRejected(WixTestTokens.b64("{\"alg\":\"HS256\"}") + "." + parts[1] + "." + parts[2], Reason.SIGNATURE);
  }

  @Test
  void reserialisedPayloadWithChangedWhitespaceFails() {
    String[] parts = WixTestTokens.jwt(freshPayload(), WIX_KEYS.getPrivate()).split("\\.");
    String spaced = freshPayload().replace(",", ", ").replace(":", ": ");
    assertRejected(parts[0] + "." + WixTestTokens.b64(spaced) + "." + parts[2], Reason.SIGNATURE);
  }

  @Test
  void expiredTokenFails() {
    String expired = WixTestTokens.payload(
        WixTestTokens.resource("inventory-item-updated.json"), NOW.minus(Duration.ofHours(1)), NOW.minus(Duration.ofMinutes(10)));
    assertRejected(WixTestTokens.jwt(expired, WIX_KEYS.getPrivate()), Reason.SIGNATURE);
  }

  @Test
  void tokenIssuedInTheFutureOrWithoutTimesFails() {
    String event = WixTestTokens.resource("inventory-item-updated.json");
    assertRejected(WixTestTokens.jwt(WixTestTokens.payload(event, NOW.plus(Duration.ofHours(1)), null),
        WIX_KEYS.getPrivate()), Reason.SIGNATURE);
    assertRejected(WixTestTokens.jwt(WixTestTokens.payload(event, null, null), WIX_KEYS.getPrivate()), Reason.SIGNATURE);
  }

  @Test
  void bodyThatIsNotAJwtIsMalformed() {
    assertRejected("{\"data\":\"not a jwt\"}", Reason.MALFORMED);
    assertRejected("", Reason.MALFORMED);
  }

  @Test
  void untrackedItemsAndOtherEntitiesGiveNoEvents() {
    String untracked = WixTestTokens.resource("inventory-item-updated.json").replace("\"trackQuantity\": true", "\"trackQuantity\": false");
    String product = WixTestTokens.resource("inventory-item-updated.json")
        .replace("wix.stores.catalog.v3.inventory_item", "wix.stores.catalog.v3.product");
    for (String event : List.of(untracked, product)) {
      WebhookRequest request = request(WixTestTokens.jwt(
          WixTestTokens.payload(event, NOW, NOW.plusSeconds(60)), WIX_KEYS.getPrivate()));
      assertThat(connector.parseWebhook(connection, request)).isEmpty();
    }
  }

  @Test
  void innerDataThatIsNotJsonIsMalformed() {
    WebhookRequest request = request(WixTestTokens.jwt(
        WixTestTokens.payload("{not json", NOW, NOW.plusSeconds(60)), WIX_KEYS.getPrivate()));
    connector.verifyWebhook(connection, request);
    assertThatThrownBy(() -> connector.parseWebhook(connection, request))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
  }
}
