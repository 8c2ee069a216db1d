package ai.stockclerk.channels.otter;

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
import ai.stockclerk.channels.support.OAuthTokenCache;
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

class OtterConnectorTest {

  @RegisterExtension
  static WireMockExtension otter = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String CLIENT_SECRET = "otter-client-secret-never-logged";
  private static final String TOKEN = "otter-token-never-logged";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private OtterConnector connector;
  private ChannelConnection connection;

  @BeforeEach
  void setUp() {
    connector = new OtterConnector(TestConnections.fastClient(clock, sleeper), new OAuthTokenCache(clock, Duration.ofMinutes(5)), clock);
    connection = TestConnections.of(ChannelType.OTTER, otter.baseUrl(),
        Map.of("clientId", "otter-app", "clientSecret", CLIENT_SECRET), Map.of("storeId", "our-store-17"), "s");
    otter.stubFor(post(urlPathEqualTo("/v1/auth/token")).willReturn(okJson(
        "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":2592000,\"token_type\":\"bearer\",\"scope\":\"menus.read\"}")));
    otter.stubFor(get(urlPathEqualTo("/v1/menus")).willReturn(okJson(OtterWebhookTest.resource("menus.json"))));
  }

  @Test
  void readsSaleStatusAsOneOrZeroWithBearerTokenAndStoreHeader() {
    assertThat(connector.readLevels(connection, List.of("burger-1", "shake-1", "fries-1", "ghost")))
        .containsExactly(Map.entry("burger-1", 1), Map.entry("shake-1", 0), Map.entry("fries-1", 0));
    otter.verify(getRequestedFor(urlPathEqualTo("/v1/menus"))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN)).withHeader("X-Store-Id", equalTo("our-store-17")));
    otter.verify(postRequestedFor(urlPathEqualTo("/v1/auth/token"))
        .withRequestBody(containing("grant_type=client_credentials")).withRequestBody(containing("client_id=otter-app")));
    assertThat(connector.listCatalog(connection)).extracting(i -> i.externalId() + "=" + i.level())
        .containsExactly("burger-1=1", "shake-1=0", "fries-1=0");
  }

  @Test
  void suspendsZeroAndUnsuspendsTheRestInBatchesOfOneHundred() {
    otter.stubFor(post(urlPathEqualTo(OtterConnector.SUSPEND)).willReturn(aResponse().withStatus(202)));
    otter.stubFor(post(urlPathEqualTo(OtterConnector.UNSUSPEND)).willReturn(aResponse().withStatus(202)));
    List<LevelUpdate> updates = new java.util.ArrayList<>(
        IntStream.range(0, 250).mapToObj(i -> LevelUpdate.of("out-" + i, 0)).toList());
    updates.add(LevelUpdate.of("back-1", 3));

    PushResult result = connector.setLevels(connection, updates);

    assertThat(result.acknowledged()).hasSize(251);
    assertThat(otter.findAll(postRequestedFor(urlPathEqualTo(OtterConnector.SUSPEND))))
        .extracting(r -> JsonMapper.builder().build().readTree(r.getBodyAsString()).path("entityIds").size())
        .containsExactly(100, 100, 50);
    otter.verify(postRequestedFor(urlPathEqualTo(OtterConnector.SUSPEND))
        .withRequestBody(equalToJson("{\"status\":{\"isIndefinite\":true}}", true, true)));
    otter.verify(postRequestedFor(urlPathEqualTo(OtterConnector.UNSUSPEND)).withRequestBody(equalToJson(
        "{\"entityIds\":[\"back-1\"],\"note\":\"" + OtterConnector.NOTE + "\"}")));
  }

  @Test
  void retryAfterHonouredServerErrorRetriedAndUnauthorizedDisconnects() {
    otter.stubFor(post(urlPathEqualTo(OtterConnector.SUSPEND)).inScenario("s").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")).willSetStateTo("5xx"));
    otter.stubFor(post(urlPathEqualTo(OtterConnector.SUSPEND)).inScenario("s").whenScenarioStateIs("5xx")
        .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
    otter.stubFor(post(urlPathEqualTo(OtterConnector.SUSPEND)).inScenario("s").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(202)));

    assertThat(connector.setLevels(connection, List.of(LevelUpdate.of("a", 0))).acknowledged()).containsExactly("a");
    assertThat(sleeper.waits()).contains(Duration.ofSeconds(5));

    otter.stubFor(get(urlPathEqualTo("/v1/menus")).willReturn(aResponse().withStatus(401)));
    assertThatThrownBy(() -> connector.checkCredentials(connection))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION));
  }

  @Test
  void missingHostIsAConfigurationFailureNotACallToAGuessedHost() {
    ChannelConnection noHost = TestConnections.of(ChannelType.OTTER, null,
        Map.of("clientId", "otter-app", "clientSecret", CLIENT_SECRET), Map.of("storeId", "s"), "s");
    assertThatThrownBy(() -> connector.checkCredentials(noHost))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION));
  }

  @Test
  void malformedJsonAndHtmlAreRetryableAndNothingSecretIsLogged() {
    otter.stubFor(get(urlPathEqualTo("/v1/menus")).willReturn(aResponse().withStatus(200).withBody("{\"menus\":")));
    try (LogCapture logs = new LogCapture("ai.stockclerk")) {
      assertThatThrownBy(() -> connector.readLevels(connection, List.of("a")))
          .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.RETRYABLE));
      otter.stubFor(get(urlPathEqualTo("/v1/menus")).willReturn(aResponse().withStatus(502)
          .withHeader("Content-Type", "text/html").withBody("<html>" + CLIENT_SECRET + "</html>")));
      assertThatThrownBy(() -> connector.readLevels(connection, List.of("a")))
          .isInstanceOfSatisfying(ChannelException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.RETRYABLE);
            assertThat(e.getMessage()).doesNotContain(CLIENT_SECRET, TOKEN);
          });
      assertThat(logs.text()).doesNotContain(CLIENT_SECRET, TOKEN);
    }
  }
}
