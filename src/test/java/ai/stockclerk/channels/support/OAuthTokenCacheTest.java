package ai.stockclerk.channels.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.channels.ChannelException.Failure;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.testing.MutableClock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OAuthTokenCacheTest {

  @RegisterExtension
  static WireMockExtension auth = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final OAuthTokenCache cache = new OAuthTokenCache(clock, Duration.ofMinutes(5));
  private final ChannelConnection connection = TestConnections.of(ChannelType.UBEREATS, null,
      Map.of("clientId", "app-1", "clientSecret", "very-secret"), Map.of(), "s");

  @Test
  void concurrentCallersShareOneFetch() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    TokenSource slow = c -> {
      fetches.incrementAndGet();
      return new AccessToken("t" + fetches.get(), clock.instant().plus(Duration.ofHours(1)));
    };
    ExecutorService pool = Executors.newFixedThreadPool(32);
    CountDownLatch start = new CountDownLatch(1);
    Set<String> seen = ConcurrentHashMap.newKeySet();
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      futures.add(pool.submit(() -> {
        start.await();
        seen.add(cache.token("app-1", connection, slow));
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get(10, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(fetches.get()).isEqualTo(1);
    assertThat(seen).containsExactly("t1");
  }

  @Test
  void tokenIsRenewedBeforeItExpires() {
    AtomicInteger fetches = new AtomicInteger();
    TokenSource source = c -> new AccessToken("t" + fetches.incrementAndGet(), clock.instant().plus(Duration.ofHours(1)));
    assertThat(cache.token("k", connection, source)).isEqualTo("t1");
    clock.advance(Duration.ofMinutes(54));
    assertThat(cache.token("k", connection, source)).isEqualTo("t1");
    clock.advance(Duration.ofMinutes(2));
    assertThat(cache.token("k", connection, source)).isEqualTo("t2");
  }

  @Test
  void refusedTokenIsReplacedOnce() {
    AtomicInteger fetches = new AtomicInteger();
    TokenSource source = c -> new AccessToken("t" + fetches.incrementAndGet(), clock.instant().plus(Duration.ofHours(1)));
    String result = cache.withToken("k", connection, source, token -> {
      if (token.equals("t1")) {
        throw new ChannelException("revoked", connection, Failure.AUTHENTICATION, null, null);
      }
      return "ok with " + token;
    });
    assertThat(result).isEqualTo("ok with t2");
  }

  @Test
  void clientCredentialsGrantPostsFormAndReadsExpiry() {
    auth.stubFor(post(urlPathEqualTo("/oauth/v2/token")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"access_token\":\"minted\",\"token_type\":\"Bearer\",\"expires_in\":2592000,\"scope\":\"eats.store\"}")));
    VendorHttpClient http = TestConnections.fastClient(clock, new RecordingSleeper(clock));
    ClientCredentialsGrant grant = new ClientCredentialsGrant(http, clock,
        c -> URI.create(auth.baseUrl() + "/oauth/v2/token"),
        c -> Map.of("client_id", c.credential("clientId"), "client_secret", c.credential("clientSecret"), "scope", "eats.store"),
        ClientCredentialsGrant.Encoding.FORM);

    AccessToken token = grant.fetch(connection);

    assertThat(token.value()).isEqualTo("minted");
    assertThat(token.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
    assertThat(token.toString()).doesNotContain("minted");
    auth.verify(postRequestedFor(urlPathEqualTo("/oauth/v2/token"))
        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
        .withRequestBody(containing("grant_type=client_credentials"))
        .withRequestBody(containing("scope=eats.store")));
  }
}
