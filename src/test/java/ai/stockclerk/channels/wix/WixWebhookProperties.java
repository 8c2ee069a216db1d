package ai.stockclerk.channels.wix;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelConnector;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.conformance.PayloadMutations;
import ai.stockclerk.channels.conformance.WebhookRobustnessProperties;
import ai.stockclerk.channels.support.OAuthTokenCache;
import ai.stockclerk.channels.support.TestConnections;
import ai.stockclerk.channels.support.VendorHttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Besides arbitrary bytes: a real JWT with bytes changed (never passes the signature), and a real
 * event with its JSON mutated and then properly signed (so the parser itself is exercised past the
 * signature).
 */
class WixWebhookProperties extends WebhookRobustnessProperties {

  private static final Instant NOW = Instant.parse("2026-01-01T09:20:00Z");
  // Wix events carry true and false, so mutations also insert their letters
  private static final String TOKENS = PayloadMutations.JSON_TOKENS + "rf";
  private static final String EVENT = WixTestTokens.resource("inventory-item-updated.json");
  private static final byte[] JWT = WixTestTokens.jwt(
      WixTestTokens.payload(EVENT, NOW.minusSeconds(5), NOW.plusSeconds(300)), WixTestTokens.WIX_KEYS.getPrivate())
      .getBytes(StandardCharsets.US_ASCII);
  private static final WixConnector CONNECTOR =
      new WixConnector(VendorHttpClient.builder().build(), OAuthTokenCache.systemDefault());
  private static final ChannelConnection CONNECTION = TestConnections.of(ChannelType.WIX, "http://127.0.0.1:1",
      Map.of("publicKey", WixTestTokens.publicKeyPem(WixTestTokens.WIX_KEYS)), Map.of(), null);

  @Override
  protected ChannelConnector connector() {
    return CONNECTOR;
  }

  @Override
  protected ChannelConnection connection() {
    return CONNECTION;
  }

  @Override
  protected WebhookRequest request(byte[] body) {
    return new WebhookRequest("https://hooks.example/webhooks/wix", Map.of(), body, NOW);
  }

  @Property(tries = 200)
  void mutatedJwtNeverPassesTheSignature(@ForAll("jwtMutations") byte[] body) {
    if (Arrays.equals(body, JWT) || new String(body, StandardCharsets.ISO_8859_1).strip().equals(new String(JWT, StandardCharsets.ISO_8859_1))) {
      return;
    }
    try {
      CONNECTOR.verifyWebhook(CONNECTION, request(body));
      throw new AssertionError("a changed JWT passed the signature check");
    } catch (WebhookRejectedException expected) {
      assertThat(expected.reason()).isNotNull();
    }
    assertOnlyTypedOutcomes(request(body));
  }

  @Property(tries = 200)
  void mutatedEventsSignedByWixParseToEventsOrTypedRejection(@ForAll("eventMutations") String event) {
    WebhookRequest request = request(WixTestTokens.jwt(
        WixTestTokens.payload(event, NOW, NOW.plusSeconds(60)), WixTestTokens.WIX_KEYS.getPrivate())
        .getBytes(StandardCharsets.US_ASCII));
    CONNECTOR.verifyWebhook(CONNECTION, request);
    assertOnlyTypedOutcomes(request);
  }

  @Provide
  Arbitrary<byte[]> jwtMutations() {
    return PayloadMutations.of(JWT, TOKENS);
  }

  @Provide
  Arbitrary<String> eventMutations() {
    return PayloadMutations.of(EVENT.getBytes(StandardCharsets.UTF_8), TOKENS)
        .map(b -> new String(b, StandardCharsets.UTF_8));
  }
}
