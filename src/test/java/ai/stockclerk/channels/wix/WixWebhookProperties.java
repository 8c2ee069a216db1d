package ai.stockclerk.channels.wix;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.support.OAuthTokenCache;
import ai.stockclerk.channels.support.TestConnections;
import ai.stockclerk.channels.support.VendorHttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever reaches the Wix webhook endpoint ends in events or a typed rejection: arbitrary bytes,
 * a real JWT with bytes changed (never passes the signature), and a real event with its JSON
 * mutated and then properly signed (so the parser itself is exercised past the signature).
 */
class WixWebhookProperties {

  private static final Instant NOW = Instant.parse("2026-01-01T09:20:00Z");
  private static final String EVENT = WixTestTokens.resource("inventory-item-updated.json");
  private static final byte[] JWT = WixTestTokens.jwt(
      WixTestTokens.payload(EVENT, NOW.minusSeconds(5), NOW.plusSeconds(300)), WixTestTokens.WIX_KEYS.getPrivate())
      .getBytes(StandardCharsets.US_ASCII);
  private static final WixConnector CONNECTOR =
      new WixConnector(VendorHttpClient.builder().build(), OAuthTokenCache.systemDefault());
  private static final ChannelConnection CONNECTION = TestConnections.of(ChannelType.WIX, "http://127.0.0.1:1",
      Map.of("publicKey", WixTestTokens.publicKeyPem(WixTestTokens.WIX_KEYS)), Map.of(), null);

  private static WebhookRequest request(byte[] body) {
    return new WebhookRequest("https://hooks.example/webhooks/wix", Map.of(), body, NOW);
  }

  @Property(tries = 200)
  void arbitraryBytesGiveEventsOrTypedRejection(@ForAll byte[] body) {
    assertOnlyTypedOutcomes(request(body));
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
    return mutations(JWT).map(b -> b);
  }

  @Provide
  Arbitrary<String> eventMutations() {
    return mutations(EVENT.getBytes(StandardCharsets.UTF_8)).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  private static Arbitrary<byte[]> mutations(byte[] original) {
    byte[] structural = "{}[]\",:-0123456789e.\\ ntulrf".getBytes(StandardCharsets.US_ASCII);
    Arbitrary<Byte> value = Arbitraries.oneOf(Arbitraries.bytes(),
        Arbitraries.integers().between(0, structural.length - 1).map(i -> structural[i]));
    Arbitrary<int[]> edit = Combinators.combine(
            Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, original.length - 1), value)
        .as((kind, at, b) -> new int[] {kind, at, b});
    return edit.list().ofMinSize(1).ofMaxSize(4).map(edits -> {
      byte[] bytes = original.clone();
      for (int[] e : edits) {
        bytes = apply(bytes, e[0], Math.min(e[1], Math.max(0, bytes.length - 1)), (byte) e[2]);
      }
      return bytes;
    });
  }

  private static byte[] apply(byte[] bytes, int kind, int at, byte value) {
    if (bytes.length == 0) {
      return new byte[] {value};
    }
    return switch (kind) {
      case 0 -> { byte[] copy = bytes.clone(); copy[at] = value; yield copy; }
      case 1 -> { byte[] copy = new byte[bytes.length - 1]; System.arraycopy(bytes, 0, copy, 0, at);
        System.arraycopy(bytes, at + 1, copy, at, bytes.length - at - 1); yield copy; }
      case 2 -> { byte[] copy = new byte[bytes.length + 1]; System.arraycopy(bytes, 0, copy, 0, at); copy[at] = value;
        System.arraycopy(bytes, at, copy, at + 1, bytes.length - at); yield copy; }
      default -> Arrays.copyOf(bytes, at);
    };
  }

  private static void assertOnlyTypedOutcomes(WebhookRequest request) {
    try {
      CONNECTOR.verifyWebhook(CONNECTION, request);
    } catch (WebhookRejectedException typed) {
      assertThat(typed.reason()).isNotNull();
    }
    try {
      List<StockEvent> events = CONNECTOR.parseWebhook(CONNECTION, request);
      assertThat(events).allSatisfy(event -> assertThat(event.externalId()).isNotNull());
    } catch (WebhookRejectedException typed) {
      assertThat(typed.reason()).isNotNull();
    }
  }
}
