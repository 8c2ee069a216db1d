package ai.stockclerk.channels.eposnow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.channels.ChannelException.Failure;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.LevelUpdate;
import ai.stockclerk.channels.PushResult;
import ai.stockclerk.channels.support.LogCapture;
import ai.stockclerk.testing.MutableClock;
import ai.stockclerk.channels.support.RecordingSleeper;
import ai.stockclerk.channels.support.TestConnections;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EposnowConnectorTest {

  @RegisterExtension
  static WireMockExtension epos = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String API_SECRET = "epos-api-secret-never-logged";
  private static final String V4 = EposnowConnector.V4_STOCK;
  private static final String V2 = EposnowConnector.V2_STOCK;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private EposnowConnector connector;
  private ChannelConnection connection;

  @BeforeEach
  void setUp() {
    connector = new EposnowConnector(TestConnections.fastClient(clock, sleeper));
    connection = TestConnections.of(ChannelType.EPOSNOW, epos.baseUrl(),
        Map.of("apiKey", "epos-key", "apiSecret", API_SECRET), Map.of("locationId", "12"), "s");
  }

  private static String v4Page(int from, int count) {
    return IntStream.range(from, from + count)
        .mapToObj(i -> "{\"ProductId\":" + i + ",\"LocationId\":12,\"ProductStockBatches\":[{\"CurrentStock\":" + (i % 7) + "}]}")
        .collect(Collectors.joining(",", "[", "]"));
  }

  private static String v2Row(int stockId, int productId, int level) {
    return "{\"StockID\":" + stockId + ",\"LocationID\":12,\"ProductID\":" + productId + ",\"CurrentStock\":" + level
        + ",\"MinStock\":2,\"MaxStock\":40}";
  }

  private void stubPage(String path, int page, String body) {
    epos.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo(String.valueOf(page))).willReturn(okJson(body)));
  }

  @Test
  void readsEveryPageUntilAShortOneWithBasicAuth() {
    stubPage(V4, 1, v4Page(0, 200));
    stubPage(V4, 2, v4Page(200, 200));
    stubPage(V4, 3, v4Page(400, 13));

    Map<String, Integer> levels = connector.readLevels(connection, List.of("0", "250", "412", "999"));

    assertThat(levels).containsExactly(Map.entry("0", 0), Map.entry("250", 5), Map.entry("412", 6));
    String basic = "Basic " + Base64.getEncoder().encodeToString(("epos-key:" + API_SECRET).getBytes(StandardCharsets.UTF_8));
    epos.verify(3, getRequestedFor(urlPathEqualTo(V4)).withHeader("Authorization", equalTo(basic)));
  }

  @Test
  void aFullLastPageIsFollowedByAnEmptyOne() {
    stubPage(V4, 1, v4Page(0, 200));
    stubPage(V4, 2, "[]");
    assertThat(connector.readLevels(connection, List.of("199"))).containsEntry("199", 3);
    epos.verify(2, getRequestedFor(urlPathEqualTo(V4)));
  }

  @Test
  void setsAbsoluteLevelsThroughV2KeepingTheRecordsOtherFields() {
    stubPage(V2, 1, "[" + v2Row(901, 4711, 8) + "," + v2Row(902, 4712, 3) + "]");
    epos.stubFor(put(urlPathEqualTo(V2 + "/901")).willReturn(okJson(v2Row(901, 4711, 5))));

    PushResult result = connector.setLevels(connection, List.of(
        new LevelUpdate("4711", 5, OptionalInt.of(8), null), new LevelUpdate("4712", 1, OptionalInt.of(4), null),
        LevelUpdate.of("5000", 1)));

    assertThat(result.acknowledged()).containsExactly("4711");
    assertThat(result.rejected()).containsOnlyKeys("4712", "5000");
    assertThat(result.rejected().get("4712")).startsWith("stale");
    epos.verify(1, putRequestedFor(urlPathEqualTo(V2 + "/901")).withRequestBody(equalToJson(
        "{\"StockID\":901,\"LocationID\":12,\"ProductID\":4711,\"CurrentStock\":5,\"MinStock\":2,\"MaxStock\":40}")));
  }

  @Test
  void stockRecordScanStopsOnceEveryProductIsFound() {
    stubPage(V2, 1, IntStream.range(0, 200).mapToObj(i -> v2Row(1000 + i, i, 1)).collect(Collectors.joining(",", "[", "]")));
    epos.stubFor(put(urlPathEqualTo(V2 + "/1007")).willReturn(okJson("{}")));
    assertThat(connector.setLevels(connection, List.of(LevelUpdate.of("7", 2))).acknowledged()).containsExactly("7");
    epos.verify(1, getRequestedFor(urlPathEqualTo(V2)));
  }

  @Test
  void forbiddenMeansAllowanceSpentNotBadCredentials() {
    epos.stubFor(get(urlPathEqualTo(V4)).willReturn(aResponse().withStatus(403).withBody("maximum API limit reached")));
    assertThatThrownBy(() -> connector.readLevels(connection, List.of("1")))
        .isInstanceOfSatisfying(ChannelException.class, e -> {
          assertThat(e.failure()).isEqualTo(Failure.RETRYABLE);
          assertThat(e.retryAfter()).contains(Duration.ofMinutes(15));
        });
    epos.stubFor(get(urlPathEqualTo(V4)).willReturn(aResponse().withStatus(401)));
    assertThatThrownBy(() -> connector.readLevels(connection, List.of("1")))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION));
  }

  @Test
  void retryAfterHonouredAndServerErrorsRetried() {
    epos.stubFor(get(urlPathEqualTo(V4)).inScenario("s").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "6")).willSetStateTo("5xx"));
    epos.stubFor(get(urlPathEqualTo(V4)).inScenario("s").whenScenarioStateIs("5xx")
        .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
    epos.stubFor(get(urlPathEqualTo(V4)).inScenario("s").whenScenarioStateIs("ok").willReturn(okJson(v4Page(1, 1))));

    assertThat(connector.readLevels(connection, List.of("1"))).containsEntry("1", 1);
    assertThat(sleeper.waits()).contains(Duration.ofSeconds(6));
  }

  @Test
  void malformedJsonHtmlAndNonListsAreRetryable() {
    for (var response : List.of(aResponse().withStatus(200).withBody("[{\"ProductId\":"),
        aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>login</html>"),
        okJson("{\"data\":[]}"))) {
      epos.stubFor(get(urlPathEqualTo(V4)).willReturn(response));
      assertThatThrownBy(() -> connector.readLevels(connection, List.of("1")))
          .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.RETRYABLE));
    }
  }

  @Test
  void listsProductsWithLevelsAndNeedsALocation() {
    stubPage(V4, 1, v4Page(1, 2));
    stubPage(EposnowConnector.V4_PRODUCTS, 1,
        "[{\"Id\":1,\"Name\":\"Flat white\",\"Sku\":\"FW\",\"Barcode\":\"501\"},{\"Id\":2,\"Name\":\"Scone\"}]");
    assertThat(connector.listCatalog(connection)).extracting(i -> i.externalId() + ":" + i.sku() + ":" + i.barcode() + ":" + i.level())
        .containsExactly("1:FW:501:1", "2:null:null:2");

    ChannelConnection noLocation = TestConnections.of(ChannelType.EPOSNOW, epos.baseUrl(),
        Map.of("apiKey", "k", "apiSecret", API_SECRET), Map.of(), "s");
    assertThatThrownBy(() -> connector.readLevels(noLocation, List.of("1")))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION));
  }

  @Test
  void nothingSecretIsLogged() {
    epos.stubFor(get(urlPathEqualTo(V4)).willReturn(aResponse().withStatus(502).withBody(API_SECRET)));
    try (LogCapture logs = new LogCapture("ai.stockclerk")) {
      assertThatThrownBy(() -> connector.readLevels(connection, List.of("1")))
          .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.getMessage()).doesNotContain(API_SECRET, "epos-key"));
      assertThat(logs.count()).isPositive();
      assertThat(logs.text()).doesNotContain(API_SECRET).doesNotContain(Base64.getEncoder().encodeToString(("epos-key:" + API_SECRET).getBytes(StandardCharsets.UTF_8)));
    }
  }
}
