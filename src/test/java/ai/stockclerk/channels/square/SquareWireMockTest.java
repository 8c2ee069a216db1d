package ai.stockclerk.channels.square;

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
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SquareWireMockTest {

  @RegisterExtension
  static WireMockExtension square = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final SquareConnector connector = new SquareConnector(TestConnections.fastClient(clock, sleeper));
  private final ChannelConnection connection = TestConnections.of(ChannelType.SQUARE, square.baseUrl(),
      Map.of("accessToken", "EAAAEsecret"), Map.of("locationId", "L1"), "sig");

  private static String count(String id, String quantity) {
    return "{\"catalog_object_id\":\"" + id + "\",\"catalog_object_type\":\"ITEM_VARIATION\",\"state\":\"IN_STOCK\","
        + "\"location_id\":\"L1\",\"quantity\":\"" + quantity + "\",\"calculated_at\":\"2026-01-01T00:00:00Z\"}";
  }

  @Test
  void followsCursorUntilAbsent() {
    square.stubFor(post(urlPathEqualTo("/v2/inventory/counts/batch-retrieve")).withRequestBody(notContaining("cursor"))
        .willReturn(okJson("{\"counts\":[" + count("A", "2") + "],\"cursor\":\"next-1\"}")));
    square.stubFor(post(urlPathEqualTo("/v2/inventory/counts/batch-retrieve")).withRequestBody(matchingJsonPath("$.cursor", equalTo("next-1")))
        .willReturn(okJson("{\"counts\":[" + count("B", "5.75") + "]}")));

    assertThat(connector.readLevels(connection, List.of("A", "B"))).isEqualTo(Map.of("A", 2, "B", 5));
    square.verify(2, postRequestedFor(urlPathEqualTo("/v2/inventory/counts/batch-retrieve"))
        .withHeader("Square-Version", equalTo(SquareApi.VERSION)).withHeader("Authorization", equalTo("Bearer EAAAEsecret")));
  }

  @Test
  void writesAreSplitAtOneHundredWithDistinctIdempotencyKeys() {
    square.stubFor(post(urlPathEqualTo("/v2/inventory/changes/batch-create")).willReturn(okJson("{\"counts\":[]}")));
    List<LevelUpdate> updates = IntStream.rangeClosed(1, 150).mapToObj(i -> LevelUpdate.of("V" + i, i)).toList();

    assertThat(connector.setLevels(connection, updates).acknowledged()).hasSize(150);

    List<LoggedRequest> calls = square.findAll(postRequestedFor(urlPathEqualTo("/v2/inventory/changes/batch-create")));
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0).getBodyAsString()).contains("\"type\":\"PHYSICAL_COUNT\"").contains("\"location_id\":\"L1\"");
    assertThat(keyOf(calls.get(0))).isNotEqualTo(keyOf(calls.get(1)));
  }

  @Test
  void rateLimitedThenServed() {
    square.stubFor(post(urlPathEqualTo("/v2/inventory/counts/batch-retrieve")).inScenario("rl").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
            .withBody("{\"errors\":[{\"category\":\"RATE_LIMIT_ERROR\",\"code\":\"RATE_LIMITED\"}]}")).willSetStateTo("ok"));
    square.stubFor(post(urlPathEqualTo("/v2/inventory/counts/batch-retrieve")).inScenario("rl").whenScenarioStateIs("ok")
        .willReturn(okJson("{\"counts\":[" + count("A", "1") + "]}")));

    assertThat(connector.readLevels(connection, List.of("A"))).containsEntry("A", 1);
    assertThat(sleeper.total()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void unauthorizedIsAuthenticationFailure() {
    square.stubFor(get(urlPathEqualTo("/v2/locations/L1")).willReturn(aResponse().withStatus(401)
        .withBody("{\"errors\":[{\"category\":\"AUTHENTICATION_ERROR\",\"code\":\"UNAUTHORIZED\"}]}")));

    assertThatThrownBy(() -> connector.checkCredentials(connection)).isInstanceOfSatisfying(ChannelException.class, e -> {
      assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION);
      assertThat(e.getMessage()).contains("UNAUTHORIZED").doesNotContain("EAAAEsecret");
    });
  }

  @Test
  void serverErrorIsRetried() {
    square.stubFor(post(urlPathEqualTo("/v2/inventory/changes/batch-create")).inScenario("5xx").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
    square.stubFor(post(urlPathEqualTo("/v2/inventory/changes/batch-create")).inScenario("5xx").whenScenarioStateIs("ok")
        .willReturn(okJson("{\"counts\":[]}")));

    assertThat(connector.setLevels(connection, List.of(LevelUpdate.of("A", 1))).acknowledged()).containsExactly("A");
    List<LoggedRequest> calls = square.findAll(postRequestedFor(urlPathEqualTo("/v2/inventory/changes/batch-create")));
    assertThat(keyOf(calls.get(0))).isEqualTo(keyOf(calls.get(1)));
  }

  @Test
  void malformedAnswerIsTypedFailure() {
    square.stubFor(post(urlPathEqualTo("/v2/inventory/counts/batch-retrieve")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<html>oops</html>")));

    assertThatThrownBy(() -> connector.readLevels(connection, List.of("A"))).isInstanceOf(ChannelException.class);
  }

  private static String keyOf(LoggedRequest request) {
    return request.getBodyAsString().replaceAll(".*\"idempotency_key\":\"([^\"]+)\".*", "$1");
  }
}
