package ai.stockclerk.channels.ubereats;

import static ai.stockclerk.channels.ubereats.UberEatsTestSupport.CLIENT_SECRET;
import static ai.stockclerk.channels.ubereats.UberEatsTestSupport.NOW;
import static ai.stockclerk.channels.ubereats.UberEatsTestSupport.request;
import static ai.stockclerk.channels.ubereats.UberEatsTestSupport.resource;
import static ai.stockclerk.channels.ubereats.UberEatsTestSupport.sign;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.StockEvent.QuantityChange.Kind;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRejectedException.Reason;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.testing.MutableClock;
import ai.stockclerk.channels.support.OAuthTokenCache;
import ai.stockclerk.channels.support.RecordingSleeper;
import ai.stockclerk.channels.support.TestConnections;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UberEatsWebhookTest {

  @RegisterExtension
  static WireMockExtension uber = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final MutableClock clock = new MutableClock(NOW);
  private final UberEatsConnector connector = new UberEatsConnector(
      TestConnections.fastClient(clock, new RecordingSleeper(clock)), OAuthTokenCache.systemDefault(), clock);
  private ChannelConnection connection;

  @BeforeEach
  void setUp() {
    connection = TestConnections.of(ChannelType.UBEREATS, uber.baseUrl(),
        Map.of("clientId", "uber-client", "clientSecret", CLIENT_SECRET), Map.of("storeId", "store-9f1c"), null);
    uber.stubFor(post(urlPathEqualTo("/oauth/v2/token")).willReturn(okJson(
        "{\"access_token\":\"tok\",\"expires_in\":2592000,\"token_type\":\"Bearer\",\"scope\":\"eats.store\"}")));
    uber.stubFor(get(urlPathEqualTo("/v2/eats/order/153dd7f1-339d-4619-940c-418943c14636"))
        .willReturn(okJson(resource("order.json"))));
  }

  private void assertSignatureRejected(WebhookRequest request) {
    assertThatThrownBy(() -> connector.verifyWebhook(connection, request))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE));
  }

  @Test
  void validSignatureRoutesByStoreAndOrderBecomesSalesFromTheFetchedCart() {
    String body = resource("orders-notification.json");
    WebhookRequest request = request(body, sign(CLIENT_SECRET, body));

    assertThat(connector.instanceIdOf(request)).contains("store-9f1c");
    connector.verifyWebhook(connection, request);

    Instant at = Instant.ofEpochSecond(1767261600);
    assertThat(connector.parseWebhook(connection, request)).containsExactly(
        new StockEvent.QuantityChange("item-burger", Kind.SALE, 3, "c4d2261e-2779-4eb6-beb0-cb41235c751e", at),
        new StockEvent.QuantityChange("item-cola", Kind.SALE, 1, "c4d2261e-2779-4eb6-beb0-cb41235c751e", at));
  }

  @Test
  void cancellationGivesTheItemsBack() {
    String body = resource("orders-notification.json").replace("orders.notification", "orders.cancel");
    assertThat(connector.parseWebhook(connection, request(body, null)))
        .extracting(e -> ((StockEvent.QuantityChange) e).kind()).containsOnly(Kind.CANCEL);
  }

  @Test
  void otherEventsCarryNoStockFact() {
    String body = resource("orders-notification.json").replace("orders.notification", "store.provisioned");
    assertThat(connector.parseWebhook(connection, request(body, null))).isEmpty();
  }

  @Test
  void tamperedBodyWrongSecretMissingHeaderAndReserialisedJsonFail() {
    String body = resource("orders-notification.json");
    String signature = sign(CLIENT_SECRET, body);
    assertSignatureRejected(request(body.replace("store-9f1c", "store-0000"), signature));
    assertSignatureRejected(request(body, sign("not-the-client-secret", body)));
    assertSignatureRejected(request(body, null));
    assertSignatureRejected(request(body.replaceAll("\\s+", ""), signature));
    assertSignatureRejected(request(body, "sha256=" + signature));
  }

  @Test
  void malformedEnvelopesAreTypedRejections() {
    for (String body : new String[] {"", "null", "{\"event_type\":\"orders.notification\"}",
        "{\"event_id\":\"e\",\"event_type\":\"orders.notification\",\"event_time\":\"yesterday\"}",
        "{\"event_id\":\"e\",\"event_type\":\"orders.notification\",\"meta\":{}}"}) {
      assertThatThrownBy(() -> connector.parseWebhook(connection, request(body, null)))
          .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }
  }
}
