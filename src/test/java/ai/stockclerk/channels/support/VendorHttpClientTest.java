package ai.stockclerk.channels.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import ai.stockclerk.channels.ConnectorLimits;
import ai.stockclerk.testing.MutableClock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VendorHttpClientTest {

  @RegisterExtension
  static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String SECRET_TOKEN = "shpat_super_secret_token_123";
  private static final ConnectorLimits LIMITS = new ConnectorLimits(100, 1000, Duration.ofSeconds(1));

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private VendorHttpClient client;
  private ChannelConnection connection;

  @BeforeEach
  void setUp() {
    client = TestConnections.fastClient(clock, sleeper);
    connection = TestConnections.of(ChannelType.SHOPIFY, vendor.baseUrl(), Map.of("accessToken", SECRET_TOKEN), Map.of(), "s");
  }

  private VendorRequest getItems() {
    return VendorRequest.get(URI.create(vendor.baseUrl() + "/items?token=" + SECRET_TOKEN))
        .header("X-Access-Token", SECRET_TOKEN);
  }

  @Test
  void returnsJsonOfSuccessfulCall() {
    vendor.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"items\":[1,2]}")));

    assertThat(client.send(connection, LIMITS, getItems()).json().path("items").size()).isEqualTo(2);
    vendor.verify(getRequestedFor(urlPathEqualTo("/items")).withHeader("User-Agent",
        com.github.tomakehurst.wiremock.client.WireMock.containing("StockClerk")));
  }

  @Test
  void waitsAsLongAsRetryAfterSaysThenSucceeds() {
    vendor.stubFor(get(urlPathEqualTo("/items")).inScenario("429").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("ok"));
    vendor.stubFor(get(urlPathEqualTo("/items")).inScenario("429").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(200).withBody("{}")));

    client.send(connection, LIMITS, getItems());

    assertThat(sleeper.total()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    vendor.verify(2, getRequestedFor(urlPathEqualTo("/items")));
  }

  @Test
  void retryAfterLongerThanMaxWaitIsHandedBackToCaller() {
    vendor.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

    assertThatThrownBy(() -> client.send(connection, LIMITS, getItems()))
        .isInstanceOfSatisfying(ChannelException.class, e -> {
          assertThat(e.failure()).isEqualTo(Failure.RETRYABLE);
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
        });
    vendor.verify(1, getRequestedFor(urlPathEqualTo("/items")));
  }

  @Test
  void retryAfterAsHttpDateIsHonoured() {
    vendor.stubFor(get(urlPathEqualTo("/items")).inScenario("date").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "Thu, 01 Jan 2026 00:00:03 GMT"))
        .willSetStateTo("ok"));
    vendor.stubFor(get(urlPathEqualTo("/items")).inScenario("date").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(200).withBody("{}")));

    client.send(connection, LIMITS, getItems());

    assertThat(sleeper.total()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void unauthorisedIsAuthenticationFailureWithoutRetry() {
    vendor.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(401).withBody("{\"errors\":\"[API] Invalid API key or access token\"}")));

    assertThatThrownBy(() -> client.send(connection, LIMITS, getItems()))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION));
    vendor.verify(1, getRequestedFor(urlPathEqualTo("/items")));
  }

  @Test
  void forbiddenIsAuthenticationFailure() {
    vendor.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(403)));

    assertThatThrownBy(() -> client.send(connection, LIMITS, getItems()))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION));
  }

  @Test
  void serverErrorsAreRetriedThenReported() {
    vendor.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> client.send(connection, LIMITS, getItems()))
        .isInstanceOfSatisfying(VendorCallException.class, e -> {
          assertThat(e.failure()).isEqualTo(Failure.RETRYABLE);
          assertThat(e.httpStatus()).hasValue(503);
        });
    vendor.verify(RetryPolicy.DEFAULT_MAX_ATTEMPTS, getRequestedFor(urlPathEqualTo("/items")));
  }

  @Test
  void serverErrorThenSuccessReturnsTheSuccess() {
    vendor.stubFor(get(urlPathEqualTo("/items")).inScenario("5xx").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(502)).willSetStateTo("ok"));
    vendor.stubFor(get(urlPathEqualTo("/items")).inScenario("5xx").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));

    assertThat(client.send(connection, LIMITS, getItems()).json().path("ok").asBoolean()).isTrue();
  }

  @Test
  void requestNotSafeToRepeatIsNotRetriedAfterServerError() {
    vendor.stubFor(post(urlPathEqualTo("/adjust")).willReturn(aResponse().withStatus(500)));

    VendorRequest delta = VendorRequest.postJson(URI.create(vendor.baseUrl() + "/adjust"), "{}").notRetrySafe();
    assertThatThrownBy(() -> client.send(connection, LIMITS, delta)).isInstanceOf(ChannelException.class);
    vendor.verify(1, postRequestedFor(urlPathEqualTo("/adjust")));
  }

  @Test
  void itemErrorIsPermanentAndCarriesVendorCode() {
    vendor.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(404)
        .withBody("{\"code\":\"woocommerce_rest_product_invalid_id\",\"message\":\"Invalid ID.\"}")));

    assertThatThrownBy(() -> client.send(connection, LIMITS, getItems()))
        .isInstanceOfSatisfying(ChannelException.class, e -> {
          assertThat(e.failure()).isEqualTo(Failure.ITEM_PERMANENT);
          assertThat(e.getMessage()).contains("woocommerce_rest_product_invalid_id");
        });
  }

  @Test
  void htmlPageWithSuccessStatusIsTypedFailure() {
    vendor.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<html><body>Maintenance</body></html>")));

    VendorResponse response = client.send(connection, LIMITS, getItems());
    assertThatThrownBy(response::json).isInstanceOfSatisfying(ChannelException.class, e -> {
      assertThat(e.failure()).isEqualTo(Failure.RETRYABLE);
      assertThat(e.getMessage()).contains("HTML");
    });
  }

  @Test
  void malformedJsonIsTypedFailure() {
    vendor.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(200).withBody("{\"items\":[1,")));

    VendorResponse response = client.send(connection, LIMITS, getItems());
    assertThatThrownBy(response::json).isInstanceOf(ChannelException.class);
  }

  @Test
  void brokenConnectionIsRetryable() {
    vendor.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> client.send(connection, LIMITS, getItems()))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.RETRYABLE));
    // Only our own attempts: the transport retries nothing by itself.
    vendor.verify(RetryPolicy.DEFAULT_MAX_ATTEMPTS, getRequestedFor(urlPathEqualTo("/items")));
  }

  @Test
  void aRedirectIsNeverFollowed() {
    // A vendor URL that moved could send our credentials to a host nobody checked.
    vendor.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", vendor.baseUrl() + "/elsewhere")));

    assertThatThrownBy(() -> client.send(connection, LIMITS, getItems()))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.getMessage()).contains("HTTP 302"));
    vendor.verify(0, getRequestedFor(urlPathEqualTo("/elsewhere")));
  }

  @Test
  void anAddressThatIsNotHttpIsAMisconfiguredChannel() {
    VendorRequest notHttp = VendorRequest.get(URI.create("ftp://example.com/items"));

    assertThatThrownBy(() -> client.send(connection, LIMITS, notHttp))
        .isInstanceOfSatisfying(ChannelException.class, e -> {
          assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION);
          assertThat(e.getMessage()).contains("address settings");
        });
  }

  @Test
  void headersAndBodyGoOutAsGivenAndAnswerHeadersComeBack() {
    vendor.stubFor(post(urlPathEqualTo("/levels")).willReturn(aResponse().withStatus(200)
        .withHeader("X-Request-Id", "r-1").withBody("{}")));

    VendorResponse response = client.send(connection, LIMITS,
        VendorRequest.postJson(URI.create(vendor.baseUrl() + "/levels"), "{\"level\":3}")
            .header("X-Access-Token", "t"));

    assertThat(response.header("x-request-id")).contains("r-1");
    vendor.verify(postRequestedFor(urlPathEqualTo("/levels"))
        .withHeader("X-Access-Token", com.github.tomakehurst.wiremock.client.WireMock.equalTo("t"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson("{\"level\":3}")));
  }

  @Test
  void timeoutIsRetryable() {
    VendorHttpClient impatient = VendorHttpClient.builder().clock(clock).sleeper(sleeper)
        .requestTimeout(Duration.ofMillis(200)).retryPolicy(RetryPolicy.NONE).build();
    vendor.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(200).withFixedDelay(1000)));

    assertThatThrownBy(() -> impatient.send(connection, LIMITS, getItems()))
        .isInstanceOfSatisfying(ChannelException.class, e -> {
          assertThat(e.failure()).isEqualTo(Failure.RETRYABLE);
          assertThat(e.getMessage()).contains("timed out");
        });
  }

  @Test
  void anAnswerTrickledInSlowerThanTheRequestTimeoutIsCutOff() {
    VendorHttpClient impatient = VendorHttpClient.builder().clock(clock).sleeper(sleeper)
        .requestTimeout(Duration.ofMillis(600)).retryPolicy(RetryPolicy.NONE).build();
    // Every piece comes within the socket timeout; the whole answer takes five times the request timeout.
    vendor.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(200)
        .withBody("{\"items\":[" + "1,".repeat(200) + "1]}").withChunkedDribbleDelay(15, 3_000)));

    long start = System.nanoTime();
    assertThatThrownBy(() -> impatient.send(connection, LIMITS, getItems()))
        .isInstanceOfSatisfying(ChannelException.class, e -> {
          assertThat(e.failure()).isEqualTo(Failure.RETRYABLE);
          assertThat(e.getMessage()).contains("timed out");
        });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_000));
    impatient.close();
  }

  @Test
  void secretsNeverReachMessagesOrLogs() {
    vendor.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(503)
        .withBody("{\"error\":\"bad token " + SECRET_TOKEN + "\"}")));

    try (LogCapture logs = new LogCapture("ai.stockclerk.channels")) {
      Throwable thrown = org.junit.jupiter.api.Assertions.assertThrows(ChannelException.class,
          () -> client.send(connection, LIMITS, getItems()));
      assertThat(logs.count()).isPositive();
      assertThat(logs.text()).doesNotContain(SECRET_TOKEN);
      assertThat(thrown.getMessage()).doesNotContain(SECRET_TOKEN);
      assertThat(String.valueOf(thrown)).doesNotContain(SECRET_TOKEN);
      assertThat(connection.toString()).doesNotContain(SECRET_TOKEN);
    }
  }
}
