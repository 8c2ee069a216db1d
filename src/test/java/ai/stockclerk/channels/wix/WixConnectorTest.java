package ai.stockclerk.channels.wix;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.stockclerk.channels.CatalogItem;
import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.channels.ChannelException.Failure;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.LevelUpdate;
import ai.stockclerk.channels.PushResult;
import ai.stockclerk.channels.support.LogCapture;
import ai.stockclerk.testing.MutableClock;
import ai.stockclerk.channels.support.OAuthTokenCache;
import ai.stockclerk.channels.support.RecordingSleeper;
import ai.stockclerk.channels.support.TestConnections;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

class WixConnectorTest {

  @RegisterExtension
  static WireMockExtension wix = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String APP_SECRET = "wix-app-secret-never-logged";
  private static final String ACCESS_TOKEN = "OauthNG.JWS.wix-access-token-never-logged";
  private static final String QUERY = WixInventoryQuery.PATH;
  private static final String BULK = WixBulkUpdate.PATH;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private WixConnector connector;
  private ChannelConnection connection;

  @BeforeEach
  void setUp() {
    connector = new WixConnector(TestConnections.fastClient(clock, sleeper), new OAuthTokenCache(clock, Duration.ofMinutes(5)), clock);
    connection = TestConnections.of(ChannelType.WIX, wix.baseUrl(),
        Map.of("appId", "app-id", "appSecret", APP_SECRET), Map.of("instanceId", "inst-1"), null);
    wix.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(okJson(
        "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":14400}")));
  }

  private static String item(String id, int quantity) {
    return "{\"id\":\"" + id + "\",\"revision\":\"3\",\"trackQuantity\":true,\"quantity\":" + quantity
        + ",\"product\":{\"name\":\"Mug " + id + "\",\"variantSku\":\"SKU-" + id + "\"}}";
  }

  private static String page(String next, String... items) {
    String cursors = next == null ? "{}" : "{\"next\":\"" + next + "\"}";
    return "{\"inventoryItems\":[" + String.join(",", items) + "],\"pagingMetadata\":{\"count\":" + items.length
        + ",\"cursors\":" + cursors + ",\"hasNext\":" + (next != null) + "}}";
  }

  @Test
  void readsAllPagesFollowingCursorsWithTheInstanceToken() {
    wix.stubFor(post(urlPathEqualTo(QUERY)).atPriority(10).willReturn(okJson(page("c2", item("a", 1), item("b", 2)))));
    wix.stubFor(post(urlPathEqualTo(QUERY)).atPriority(1)
        .withRequestBody(matchingJsonPath("$.query.cursorPaging.cursor", equalTo("c2")))
        .willReturn(okJson(page("c3", item("c", 3)))));
    wix.stubFor(post(urlPathEqualTo(QUERY)).atPriority(1)
        .withRequestBody(matchingJsonPath("$.query.cursorPaging.cursor", equalTo("c3")))
        .willReturn(okJson(page(null, item("d", 4)))));

    List<CatalogItem> catalog = connector.listCatalog(connection);

    assertThat(catalog).extracting(CatalogItem::externalId).containsExactly("a", "b", "c", "d");
    assertThat(catalog.get(0)).isEqualTo(new CatalogItem("a", "SKU-a", null, "Mug a", 1));
    wix.verify(3, postRequestedFor(urlPathEqualTo(QUERY)).withHeader("Authorization", equalTo(ACCESS_TOKEN)));
    wix.verify(1, postRequestedFor(urlPathEqualTo("/oauth2/token")).withRequestBody(equalToJson(
        "{\"grant_type\":\"client_credentials\",\"client_id\":\"app-id\",\"client_secret\":\"" + APP_SECRET
            + "\",\"instance_id\":\"inst-1\"}")));
  }

  @Test
  void readLevelsFiltersByIdAndSkipsUntrackedItems() {
    wix.stubFor(post(urlPathEqualTo(QUERY)).willReturn(okJson(page(null, item("a", 5),
        "{\"id\":\"b\",\"revision\":\"1\",\"trackQuantity\":false,\"inStock\":true}"))));

    assertThat(connector.readLevels(connection, List.of("a", "b", "missing"))).containsExactly(Map.entry("a", 5));
    wix.verify(postRequestedFor(urlPathEqualTo(QUERY))
        .withRequestBody(matchingJsonPath("$.query.filter.id.$in[2]", equalTo("missing"))));
  }

  @Test
  void setLevelsSplitsAtOneThousandAndSendsRevisions() {
    String[] items = IntStream.range(0, 2_500).mapToObj(i -> item("i" + i, 0)).toArray(String[]::new);
    wix.stubFor(post(urlPathEqualTo(QUERY)).willReturn(okJson(page(null, items))));
    wix.stubFor(post(urlPathEqualTo(BULK)).willReturn(okJson("{\"results\":[],\"bulkActionMetadata\":{}}")));
    List<LevelUpdate> updates = IntStream.range(0, 2_500).mapToObj(i -> LevelUpdate.of("i" + i, 7)).toList();

    PushResult result = connector.setLevels(connection, updates);

    assertThat(result.acknowledged()).hasSize(2_500);
    List<LoggedRequest> bulks = wix.findAll(postRequestedFor(urlPathEqualTo(BULK)));
    assertThat(bulks).extracting(r -> JsonMapper.builder().build().readTree(r.getBodyAsString()).path("inventoryItems").size())
        .containsExactly(1_000, 1_000, 500);
    assertThat(bulks.get(0).getBodyAsString()).contains("\"revision\":\"3\"", "\"quantity\":7");
  }

  @Test
  void compareAndSetRefusesStaleItemsAndReportsPerItemFailures() {
    wix.stubFor(post(urlPathEqualTo(QUERY)).willReturn(okJson(page(null, item("a", 12), item("b", 4), item("c", 4)))));
    wix.stubFor(post(urlPathEqualTo(BULK)).willReturn(okJson("{\"results\":["
        + "{\"itemMetadata\":{\"id\":\"b\",\"originalIndex\":0,\"success\":true}},"
        + "{\"itemMetadata\":{\"id\":\"c\",\"originalIndex\":1,\"success\":false,\"error\":{\"code\":\"INVALID_ARGUMENT\"}}}]}")));

    PushResult result = connector.setLevels(connection, List.of(
        new LevelUpdate("a", 3, OptionalInt.of(5), null), new LevelUpdate("b", 3, OptionalInt.of(4), null),
        LevelUpdate.of("c", 1), LevelUpdate.of("zz", 1)));

    assertThat(result.acknowledged()).containsExactly("b");
    assertThat(result.rejected()).containsOnlyKeys("a", "c", "zz");
    assertThat(result.rejected().get("a")).startsWith("stale");
  }

  @Test
  void rateLimitRetryAfterIsHonoured() {
    wix.stubFor(post(urlPathEqualTo(QUERY)).inScenario("429").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")).willSetStateTo("ok"));
    wix.stubFor(post(urlPathEqualTo(QUERY)).inScenario("429").whenScenarioStateIs("ok")
        .willReturn(okJson(page(null, item("a", 2)))));

    assertThat(connector.readLevels(connection, List.of("a"))).containsEntry("a", 2);
    assertThat(sleeper.waits()).contains(Duration.ofSeconds(3));
  }

  @Test
  void serverErrorsAreRetried() {
    wix.stubFor(post(urlPathEqualTo(QUERY)).inScenario("5xx").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
    wix.stubFor(post(urlPathEqualTo(QUERY)).inScenario("5xx").whenScenarioStateIs("ok")
        .willReturn(okJson(page(null, item("a", 2)))));

    assertThat(connector.readLevels(connection, List.of("a"))).containsEntry("a", 2);
    wix.verify(2, postRequestedFor(urlPathEqualTo(QUERY)));
  }

  @Test
  void unauthorizedMeansAuthenticationFailureAfterOneFreshToken() {
    wix.stubFor(post(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(401).withBody("{\"message\":\"denied\"}")));

    assertThatThrownBy(() -> connector.readLevels(connection, List.of("a")))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION));
    wix.verify(2, postRequestedFor(urlPathEqualTo("/oauth2/token")));
  }

  @Test
  void malformedJsonAndHtmlPagesAreRetryableFailures() {
    wix.stubFor(post(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"inventoryItems\": [")));
    assertThatThrownBy(() -> connector.readLevels(connection, List.of("a")))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.RETRYABLE));

    wix.stubFor(post(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<html><body>Bad gateway</body></html>")));
    assertThatThrownBy(() -> connector.listCatalog(connection))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.RETRYABLE));
  }

  @Test
  void checkCredentialsRequiresCatalogV3() {
    wix.stubFor(get(urlPathEqualTo(WixConnector.VERSION_PATH)).willReturn(okJson("{\"catalogVersion\":\"V3_CATALOG\"}")));
    connector.checkCredentials(connection);

    wix.stubFor(get(urlPathEqualTo(WixConnector.VERSION_PATH)).willReturn(okJson("{\"catalogVersion\":\"V1_CATALOG\"}")));
    assertThatThrownBy(() -> connector.checkCredentials(connection))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION));
  }

  @Test
  void nothingSecretIsLoggedOrPutInErrors() {
    wix.stubFor(post(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(500).withBody(APP_SECRET)));
    try (LogCapture logs = new LogCapture("ai.stockclerk")) {
      assertThatThrownBy(() -> connector.readLevels(connection, List.of("a")))
          .isInstanceOfSatisfying(ChannelException.class, e -> {
            assertThat(e.getMessage()).doesNotContain(APP_SECRET, ACCESS_TOKEN);
            assertThat(e.failure()).isEqualTo(Failure.RETRYABLE);
          });
      assertThat(logs.count()).isPositive();
      assertThat(logs.text()).doesNotContain(APP_SECRET, ACCESS_TOKEN);
    }
    assertThat(connection.toString()).doesNotContain(APP_SECRET);
  }
}
