package ai.stockclerk.channels.deliveroo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

class DeliverooConnectorTest {

  @RegisterExtension
  static WireMockExtension roo = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String CLIENT_SECRET = "deliveroo-client-secret-never-logged";
  private static final String TOKEN = "roo-access-token-never-logged";
  private static final String PATH = "/v2/brands/brand-7/sites/site-42/menu/item_unavailabilities";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private DeliverooConnector connector;
  private ChannelConnection connection;

  @BeforeEach
  void setUp() {
    connector = new DeliverooConnector(TestConnections.fastClient(clock, sleeper), clock);
    connection = TestConnections.of(ChannelType.DELIVEROO, roo.baseUrl(),
        Map.of("clientId", "client-1", "clientSecret", CLIENT_SECRET), Map.of("brandId", "brand-7", "siteId", "site-42"), "s");
    roo.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(okJson(
        "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":300,\"token_type\":\"bearer\"}")));
  }

  private static String unavailable(String... ids) {
    StringBuilder json = new StringBuilder("{\"item_unavailabilities\":[");
    for (int i = 0; i < ids.length; i++) {
      String[] parts = ids[i].split("=");
      json.append(i == 0 ? "" : ",").append("{\"item_id\":\"").append(parts[0]).append("\",\"status\":\"")
          .append(parts.length > 1 ? parts[1] : "unavailable").append("\"}");
    }
    return json.append("]}").toString();
  }

  @Test
  void readsUnavailableAsZeroAndEverythingElseAsOneWithACachedToken() {
    roo.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(unavailable("a", "h=hidden"))));

    assertThat(connector.readLevels(connection, List.of("a", "h", "b"))).containsExactly(
        Map.entry("a", 0), Map.entry("h", 0), Map.entry("b", 1));
    connector.readLevels(connection, List.of("a"));

    roo.verify(2, getRequestedFor(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    roo.verify(1, postRequestedFor(urlPathEqualTo("/oauth2/token"))
        .withRequestBody(containing("grant_type=client_credentials")).withRequestBody(containing("client_id=client-1")));
  }

  @Test
  void shortLivedTokenIsRenewedBeforeItExpires() {
    roo.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(unavailable())));
    connector.readLevels(connection, List.of("a"));
    clock.advance(Duration.ofSeconds(200));
    connector.readLevels(connection, List.of("a"));
    roo.verify(1, postRequestedFor(urlPathEqualTo("/oauth2/token")));
    clock.advance(Duration.ofSeconds(80));
    connector.readLevels(connection, List.of("a"));
    roo.verify(2, postRequestedFor(urlPathEqualTo("/oauth2/token")));
  }

  @Test
  void sendsOnlyChangesAndNeverUnhidesItems() {
    roo.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(unavailable("sold", "h=hidden"))));
    roo.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)));

    PushResult result = connector.setLevels(connection, List.of(
        LevelUpdate.of("sold", 4), LevelUpdate.of("fine", 0), LevelUpdate.of("same", 9), LevelUpdate.of("h", 2)));

    assertThat(result.acknowledged()).containsExactlyInAnyOrder("sold", "fine", "same");
    assertThat(result.rejected()).containsOnlyKeys("h");
    roo.verify(1, postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(
        "{\"item_unavailabilities\":[{\"item_id\":\"sold\",\"status\":\"available\"},"
            + "{\"item_id\":\"fine\",\"status\":\"unavailable\"}]}")));
  }

  @Test
  void changesAreSplitIntoBatches() {
    roo.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(unavailable())));
    roo.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(204)));

    PushResult result = connector.setLevels(connection,
        IntStream.range(0, 1_200).mapToObj(i -> LevelUpdate.of("i" + i, 0)).toList());

    assertThat(result.acknowledged()).hasSize(1_200);
    assertThat(roo.findAll(postRequestedFor(urlPathEqualTo(PATH))))
        .extracting(r -> JsonMapper.builder().build().readTree(r.getBodyAsString()).path("item_unavailabilities").size())
        .containsExactly(500, 500, 200);
  }

  @Test
  void unknownItemFailingTheBatchIsFoundAndRefusedAlone() {
    roo.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(unavailable())));
    roo.stubFor(post(urlPathEqualTo(PATH)).atPriority(5).willReturn(aResponse().withStatus(204)));
    roo.stubFor(post(urlPathEqualTo(PATH)).atPriority(1)
        .withRequestBody(matchingJsonPath("$.item_unavailabilities[?(@.item_id == 'ghost')]"))
        .willReturn(aResponse().withStatus(404).withBody("{\"message\":\"item not found\"}")));

    PushResult result = connector.setLevels(connection, List.of(
        LevelUpdate.of("a", 0), LevelUpdate.of("ghost", 0), LevelUpdate.of("b", 0)));

    assertThat(result.acknowledged()).containsExactlyInAnyOrder("a", "b");
    assertThat(result.rejected()).containsOnlyKeys("ghost");
  }

  @Test
  void retryAfterIsHonouredAndServerErrorsRetried() {
    roo.stubFor(get(urlPathEqualTo(PATH)).inScenario("s").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("5xx"));
    roo.stubFor(get(urlPathEqualTo(PATH)).inScenario("s").whenScenarioStateIs("5xx")
        .willReturn(aResponse().withStatus(502)).willSetStateTo("ok"));
    roo.stubFor(get(urlPathEqualTo(PATH)).inScenario("s").whenScenarioStateIs("ok").willReturn(okJson(unavailable("a"))));

    assertThat(connector.readLevels(connection, List.of("a"))).containsEntry("a", 0);
    assertThat(sleeper.waits()).contains(Duration.ofSeconds(2));
    roo.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void refusedCredentialsAreAnAuthenticationFailure() {
    roo.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(401)
        .withBody("{\"error\":\"invalid_client\"}")));
    assertThatThrownBy(() -> connector.checkCredentials(connection))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION));
  }

  @Test
  void malformedJsonAndHtmlAreRetryable() {
    roo.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("{\"item_unavail")));
    assertThatThrownBy(() -> connector.readLevels(connection, List.of("a")))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.RETRYABLE));
    roo.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)
        .withHeader("Content-Type", "text/html").withBody("<html>maintenance</html>")));
    assertThatThrownBy(() -> connector.readLevels(connection, List.of("a")))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.RETRYABLE));
  }

  @Test
  void listsTheUploadedMenu() {
    ChannelConnection withMenu = TestConnections.of(ChannelType.DELIVEROO, roo.baseUrl(),
        Map.of("clientId", "c", "clientSecret", CLIENT_SECRET), Map.of("brandId", "brand-7", "siteId", "site-42", "menuId", "m1"), "s");
    roo.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(unavailable("b"))));
    roo.stubFor(get(urlPathEqualTo("/v1/brands/brand-7/menus/m1")).willReturn(okJson(
        "{\"name\":\"Main\",\"menu\":{\"items\":[{\"id\":\"a\",\"name\":{\"en\":\"Burger\"},\"plu\":\"PLU-1\"},"
            + "{\"id\":\"b\",\"name\":{\"en\":\"Fries\"}}]}}")));

    assertThat(connector.listCatalog(withMenu)).extracting(i -> i.externalId() + ":" + i.name() + ":" + i.level())
        .containsExactly("a:Burger:1", "b:Fries:0");
  }

  @Test
  void nothingSecretIsLogged() {
    roo.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500).withBody(CLIENT_SECRET)));
    try (LogCapture logs = new LogCapture("ai.stockclerk")) {
      assertThatThrownBy(() -> connector.readLevels(connection, List.of("a")))
          .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.getMessage()).doesNotContain(CLIENT_SECRET, TOKEN));
      assertThat(logs.count()).isPositive();
      assertThat(logs.text()).doesNotContain(CLIENT_SECRET, TOKEN);
    }
  }
}
