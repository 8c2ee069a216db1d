package ai.stockclerk.channels.shopify;

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

class ShopifyWireMockTest {

  @RegisterExtension
  static WireMockExtension shop = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String PATH = "/admin/api/" + ShopifyConnector.API_VERSION + "/graphql.json";
  private static final String COST = "\"extensions\":{\"cost\":{\"requestedQueryCost\":52,\"actualQueryCost\":12,"
      + "\"throttleStatus\":{\"maximumAvailable\":2000.0,\"currentlyAvailable\":1988,\"restoreRate\":100.0}}}";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final ShopifyConnector connector = new ShopifyConnector(TestConnections.fastClient(clock, sleeper));
  private final ChannelConnection connection = TestConnections.of(ChannelType.SHOPIFY, shop.baseUrl(),
      Map.of("accessToken", "shpat_secret", "shopDomain", "demo.myshopify.com"), Map.of("locationId", "24826418"), "s");

  private static String levelsPage(String itemId, int available, boolean hasNext, String cursor) {
    return "{\"data\":{\"location\":{\"inventoryLevels\":{\"pageInfo\":{\"hasNextPage\":" + hasNext + ",\"endCursor\":\"" + cursor
        + "\"},\"nodes\":[{\"item\":{\"id\":\"gid://shopify/InventoryItem/" + itemId + "\"},\"quantities\":[{\"name\":\"available\",\"quantity\":"
        + available + "}]}]}}}," + COST + "}";
  }

  @Test
  void readsAllPagesWithCursor() {
    shop.stubFor(post(urlPathEqualTo(PATH)).withRequestBody(notContaining("\"after\""))
        .willReturn(okJson(levelsPage("111", 3, true, "eyJsYXN0X2lkIjoxMTF9"))));
    shop.stubFor(post(urlPathEqualTo(PATH)).withRequestBody(matchingJsonPath("$.variables.after", equalTo("eyJsYXN0X2lkIjoxMTF9")))
        .willReturn(okJson(levelsPage("222", 8, false, "end"))));

    assertThat(connector.readLevels(connection, List.of("111", "gid://shopify/InventoryItem/222"))).isEqualTo(Map.of("111", 3, "222", 8));
    shop.verify(2, postRequestedFor(urlPathEqualTo(PATH)).withHeader("X-Shopify-Access-Token", equalTo("shpat_secret"))
        .withRequestBody(matchingJsonPath("$.variables.first", equalTo("250")))
        .withRequestBody(matchingJsonPath("$.variables.location", equalTo("gid://shopify/Location/24826418"))));
  }

  @Test
  void writesAreSplitAtTwoHundredFifty() {
    shop.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"data\":{\"inventorySetQuantities\":{\"inventoryAdjustmentGroup\":{\"id\":\"g\"},\"userErrors\":[]}}," + COST + "}")));
    List<LevelUpdate> updates = IntStream.rangeClosed(1, 300).mapToObj(i -> LevelUpdate.of(Integer.toString(i), 1)).toList();

    assertThat(connector.setLevels(connection, updates).acknowledged()).hasSize(300);
    shop.verify(2, postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(containing("inventorySetQuantities"))
        .withRequestBody(matchingJsonPath("$.variables.input.ignoreCompareQuantity", equalTo("true"))));
  }

  @Test
  void throttledErrorWaitsForRestoreRateThenSucceeds() {
    shop.stubFor(post(urlPathEqualTo(PATH)).inScenario("t").whenScenarioStateIs(STARTED).willReturn(okJson(
        "{\"errors\":[{\"message\":\"Throttled\",\"extensions\":{\"code\":\"THROTTLED\"}}],\"extensions\":{\"cost\":{\"requestedQueryCost\":202,"
            + "\"actualQueryCost\":null,\"throttleStatus\":{\"maximumAvailable\":1000.0,\"currentlyAvailable\":2,\"restoreRate\":50.0}}}}"))
        .willSetStateTo("ok"));
    shop.stubFor(post(urlPathEqualTo(PATH)).inScenario("t").whenScenarioStateIs("ok").willReturn(okJson(levelsPage("111", 3, false, "e"))));

    assertThat(connector.readLevels(connection, List.of("111"))).containsEntry("111", 3);
    assertThat(sleeper.total()).isGreaterThanOrEqualTo(Duration.ofSeconds(4)); // (202 - 2) / 50
  }

  @Test
  void http429WithRetryAfterIsHonoured() {
    shop.stubFor(post(urlPathEqualTo(PATH)).inScenario("429").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2.0")).willSetStateTo("ok"));
    shop.stubFor(post(urlPathEqualTo(PATH)).inScenario("429").whenScenarioStateIs("ok").willReturn(okJson(levelsPage("111", 3, false, "e"))));

    assertThat(connector.readLevels(connection, List.of("111"))).containsEntry("111", 3);
    assertThat(sleeper.total()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void invalidTokenIsAuthenticationFailure() {
    shop.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401)
        .withBody("{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}")));

    assertThatThrownBy(() -> connector.checkCredentials(connection)).isInstanceOfSatisfying(ChannelException.class, e -> {
      assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION);
      assertThat(e.getMessage()).doesNotContain("shpat_secret");
    });
  }

  @Test
  void shopDomainOutsideMyshopifyIsRefusedBeforeAnyCall() {
    ChannelConnection hostile = TestConnections.of(ChannelType.SHOPIFY, null,
        Map.of("accessToken", "shpat_secret", "shopDomain", "evil.example.com"), Map.of("locationId", "1"), "s");

    assertThatThrownBy(() -> connector.checkCredentials(hostile)).isInstanceOfSatisfying(ChannelException.class,
        e -> assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION));
  }

  @Test
  void htmlPageAndMalformedJsonAreTypedFailures() {
    shop.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
        .withBody("<!DOCTYPE html><html><body>Shop unavailable</body></html>")));
    assertThatThrownBy(() -> connector.readLevels(connection, List.of("1"))).isInstanceOf(ChannelException.class);

    shop.resetAll();
    shop.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"data\":")));
    assertThatThrownBy(() -> connector.readLevels(connection, List.of("1"))).isInstanceOf(ChannelException.class);
  }
}
