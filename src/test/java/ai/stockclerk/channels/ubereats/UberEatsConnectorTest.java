package ai.stockclerk.channels.ubereats;

import static ai.stockclerk.channels.ubereats.UberEatsTestSupport.CLIENT_SECRET;
import static ai.stockclerk.channels.ubereats.UberEatsTestSupport.NOW;
import static ai.stockclerk.channels.ubereats.UberEatsTestSupport.resource;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UberEatsConnectorTest {

  @RegisterExtension
  static WireMockExtension uber = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String TOKEN = "uber-access-token-never-logged";
  private static final String MENU = "/v2/eats/stores/store-9f1c/menus";

  private final MutableClock clock = new MutableClock(NOW);
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final OAuthTokenCache tokens = new OAuthTokenCache(clock, Duration.ofMinutes(5));
  private UberEatsConnector connector;
  private ChannelConnection connection;

  @BeforeEach
  void setUp() {
    connector = new UberEatsConnector(TestConnections.fastClient(clock, sleeper), tokens, clock);
    connection = store("store-9f1c");
    uber.stubFor(post(urlPathEqualTo("/oauth/v2/token")).willReturn(okJson(
        "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":2592000,\"token_type\":\"Bearer\"}")));
    uber.stubFor(get(urlPathMatching("/v2/eats/stores/[^/]+/menus")).willReturn(okJson(resource("menu.json"))));
  }

  private ChannelConnection store(String storeId) {
    return TestConnections.of(ChannelType.UBEREATS, uber.baseUrl(),
        Map.of("clientId", "uber-client", "clientSecret", CLIENT_SECRET), Map.of("storeId", storeId), null);
  }

  @Test
  void readsSuspensionAsZeroAndOneTokenServesEveryStoreOfTheApp() {
    assertThat(connector.readLevels(connection, List.of("item-burger", "item-cola", "unknown")))
        .containsExactly(Map.entry("item-burger", 1), Map.entry("item-cola", 0));
    connector.readLevels(store("store-other"), List.of("item-burger"));

    uber.verify(1, postRequestedFor(urlPathEqualTo("/oauth/v2/token"))
        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
        .withRequestBody(containing("scope=eats.store")));
    uber.verify(getRequestedFor(urlPathEqualTo(MENU)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @Test
  void setsOnlyChangedItemsOnePerCallWithSuspensionInfo() {
    uber.stubFor(post(urlPathMatching(MENU + "/items/.*")).willReturn(aResponse().withStatus(204)));

    PushResult result = connector.setLevels(connection, List.of(
        LevelUpdate.of("item-burger", 0), LevelUpdate.of("item-cola", 5), LevelUpdate.of("item-cola", 5),
        LevelUpdate.of("ghost", 1)));

    assertThat(result.acknowledged()).containsExactly("item-burger", "item-cola", "item-cola");
    assertThat(result.rejected()).containsOnlyKeys("ghost");
    long until = NOW.plus(UberEatsSuspensions.SUSPEND_FOR).getEpochSecond();
    uber.verify(1, postRequestedFor(urlPathEqualTo(MENU + "/items/item-burger")).withRequestBody(equalToJson(
        "{\"suspension_info\":{\"suspension\":{\"suspend_until\":" + until + ",\"reason\":\"Out of stock\"}}}")));
    uber.verify(2, postRequestedFor(urlPathEqualTo(MENU + "/items/item-cola")).withRequestBody(equalToJson(
        "{\"suspension_info\":{\"suspension\":{\"suspend_until\":0}}}")));
  }

  @Test
  void itemUnknownToUberIsRefusedAlone() {
    uber.stubFor(post(urlPathEqualTo(MENU + "/items/item-burger")).willReturn(aResponse().withStatus(404)));
    PushResult result = connector.setLevels(connection, List.of(LevelUpdate.of("item-burger", 0)));
    assertThat(result.rejected()).containsOnlyKeys("item-burger");
  }

  @Test
  void listsTheMenuAsCatalogue() {
    assertThat(connector.listCatalog(connection)).containsExactly(
        new CatalogItem("item-burger", "SKU-B", null, "Burger", 1), new CatalogItem("item-cola", "SKU-C", null, "Cola", 0));
  }

  @Test
  void retryAfterHonouredAndServerErrorsRetried() {
    uber.stubFor(get(urlPathEqualTo(MENU)).inScenario("s").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "4")).willSetStateTo("5xx"));
    uber.stubFor(get(urlPathEqualTo(MENU)).inScenario("s").whenScenarioStateIs("5xx")
        .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
    uber.stubFor(get(urlPathEqualTo(MENU)).inScenario("s").whenScenarioStateIs("ok").willReturn(okJson(resource("menu.json"))));

    assertThat(connector.readLevels(connection, List.of("item-cola"))).containsEntry("item-cola", 0);
    assertThat(sleeper.waits()).contains(Duration.ofSeconds(4));
  }

  @Test
  void unauthorizedIsAnAuthenticationFailure() {
    uber.stubFor(get(urlPathEqualTo(MENU)).willReturn(aResponse().withStatus(401)));
    assertThatThrownBy(() -> connector.checkCredentials(connection))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION));
  }

  @Test
  void malformedJsonAndHtmlAreRetryable() {
    uber.stubFor(get(urlPathEqualTo(MENU)).willReturn(aResponse().withStatus(200).withBody("{\"items\":[{")));
    assertThatThrownBy(() -> connector.readLevels(connection, List.of("a")))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.RETRYABLE));
    uber.stubFor(get(urlPathEqualTo(MENU)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html; charset=utf-8").withBody("<!doctype html><p>oops")));
    assertThatThrownBy(() -> connector.listCatalog(connection))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.RETRYABLE));
  }

  @Test
  void nothingSecretIsLogged() {
    uber.stubFor(get(urlPathEqualTo(MENU)).willReturn(aResponse().withStatus(503).withBody(CLIENT_SECRET + TOKEN)));
    try (LogCapture logs = new LogCapture("ai.stockclerk")) {
      assertThatThrownBy(() -> connector.readLevels(connection, List.of("a")))
          .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.getMessage()).doesNotContain(CLIENT_SECRET, TOKEN));
      assertThat(logs.count()).isPositive();
      assertThat(logs.text()).doesNotContain(CLIENT_SECRET, TOKEN);
    }
  }
}
