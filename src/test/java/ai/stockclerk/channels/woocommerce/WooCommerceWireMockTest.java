package ai.stockclerk.channels.woocommerce;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.channels.ChannelException.Failure;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.LevelUpdate;
import ai.stockclerk.channels.support.LogCapture;
import ai.stockclerk.testing.MutableClock;
import ai.stockclerk.channels.support.RecordingSleeper;
import ai.stockclerk.channels.support.TestConnections;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WooCommerceWireMockTest {

  @RegisterExtension
  static WireMockExtension store = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String SECRET = "cs_0123456789abcdef";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final WooCommerceConnector connector = new WooCommerceConnector(TestConnections.fastClient(clock, sleeper));
  private final ChannelConnection connection = TestConnections.of(ChannelType.WOOCOMMERCE, store.baseUrl(),
      Map.of("consumerKey", "ck_abc", "consumerSecret", SECRET), Map.of(), "whsec");

  private static String product(int id, int stock) {
    return "{\"id\":" + id + ",\"name\":\"P" + id + "\",\"type\":\"simple\",\"sku\":\"S" + id
        + "\",\"manage_stock\":true,\"stock_quantity\":" + stock + ",\"stock_status\":\"instock\"}";
  }

  @Test
  void catalogueReadsEveryPageFromTotalPagesHeader() {
    for (int page = 1; page <= 3; page++) {
      store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/products")).withQueryParam("page", equalTo(Integer.toString(page)))
          .withQueryParam("per_page", equalTo("100"))
          .willReturn(okJson("[" + product(page * 10, page) + "]").withHeader("X-WP-TotalPages", "3").withHeader("X-WP-Total", "3")));
    }

    assertThat(connector.listCatalog(connection)).hasSize(3);
    store.verify(3, getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/products"))
        .withHeader("Authorization", equalTo("Basic " + java.util.Base64.getEncoder().encodeToString(("ck_abc:" + SECRET).getBytes()))));
  }

  @Test
  void batchesAreSplitAtOneHundred() {
    store.stubFor(post(urlPathEqualTo("/wp-json/wc/v3/products/batch")).willReturn(okJson("{\"update\":[]}")));
    List<LevelUpdate> updates = IntStream.rangeClosed(1, 150).mapToObj(i -> LevelUpdate.of(Integer.toString(i), 1)).toList();

    connector.setLevels(connection, updates);

    store.verify(2, postRequestedFor(urlPathEqualTo("/wp-json/wc/v3/products/batch")));
  }

  @Test
  void perItemErrorsInBatchAnswerAreRejections() {
    store.stubFor(post(urlPathEqualTo("/wp-json/wc/v3/products/batch")).willReturn(okJson("{\"update\":[" + product(1, 4)
        + ",{\"id\":2,\"error\":{\"code\":\"woocommerce_rest_product_invalid_id\",\"message\":\"Invalid ID.\",\"data\":{\"status\":400}}}]}")));

    var result = connector.setLevels(connection, List.of(LevelUpdate.of("1", 4), LevelUpdate.of("2", 4)));

    assertThat(result.acknowledged()).containsExactly("1");
    assertThat(result.rejected()).containsEntry("2", "woocommerce_rest_product_invalid_id");
  }

  @Test
  void tooManyRequestsWaitsForRetryAfter() {
    store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/products")).inScenario("429").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")).willSetStateTo("ok"));
    store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/products")).inScenario("429").whenScenarioStateIs("ok")
        .willReturn(okJson("[" + product(7, 2) + "]").withHeader("X-WP-TotalPages", "1")));

    assertThat(connector.readLevels(connection, List.of("7"))).containsEntry("7", 2);
    assertThat(sleeper.total()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void refusedKeysAreAuthenticationFailuresAndNeverLogged() {
    store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/products")).willReturn(aResponse().withStatus(401)
        .withBody("{\"code\":\"woocommerce_rest_cannot_view\",\"message\":\"Sorry, you cannot list resources.\",\"data\":{\"status\":401}}")));

    try (LogCapture logs = new LogCapture("ai.stockclerk")) {
      assertThatThrownBy(() -> connector.checkCredentials(connection)).isInstanceOfSatisfying(ChannelException.class, e -> {
        assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION);
        assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("ck_abc");
      });
      assertThat(logs.text()).doesNotContain(SECRET);
    }
  }

  @Test
  void htmlErrorPageIsRetriedThenTyped() {
    store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/products")).willReturn(aResponse().withStatus(502)
        .withHeader("Content-Type", "text/html").withBody("<html><body>Bad gateway</body></html>")));

    assertThatThrownBy(() -> connector.readLevels(connection, List.of("1"))).isInstanceOfSatisfying(ChannelException.class, e -> {
      assertThat(e.failure()).isEqualTo(Failure.RETRYABLE);
      assertThat(e.getMessage()).contains("HTML");
    });
    store.verify(3, getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/products")));
  }

  @Test
  void malformedJsonIsTypedFailure() {
    store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/products")).willReturn(okJson("[{\"id\":1,")));

    assertThatThrownBy(() -> connector.readLevels(connection, List.of("1"))).isInstanceOf(ChannelException.class);
  }
}
