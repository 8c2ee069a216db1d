package ai.stockclerk.channels.deliveroo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.support.RetryPolicy;
import ai.stockclerk.channels.support.TestConnections;
import ai.stockclerk.channels.support.VendorHttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever reaches the Deliveroo webhook endpoint, verifying and parsing end in events or a typed
 * rejection, never another exception: arbitrary bytes, and the documented payload with bytes
 * flipped, dropped, inserted or cut.
 */
class DeliverooWebhookProperties {

  private static final String SECRET = "prop-secret";
  private static final byte[] PAYLOAD = resource("deliveroo/order-new.json");
  private static final VendorHttpClient HTTP = VendorHttpClient.builder().retryPolicy(RetryPolicy.NONE).build();
  private static final DeliverooConnector CONNECTOR = new DeliverooConnector(HTTP);
  private static final ChannelConnection CONNECTION = TestConnections.of(ChannelType.DELIVEROO, "http://127.0.0.1:1",
      Map.of("clientId", "c", "clientSecret", "s"), Map.of("brandId", "b", "siteId", "s"), SECRET);

  private static WebhookRequest request(byte[] body, boolean signed) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("X-Deliveroo-Sequence-Guid", List.of("9f0e8d7c-6b5a-4938-2716-050403020100"));
    if (signed) {
      headers.put("X-Deliveroo-Hmac-Sha256", List.of(ai.stockclerk.channels.support.Hmacs.hex(ai.stockclerk.channels.support.Hmacs.hmacSha256(SECRET.getBytes(StandardCharsets.UTF_8), "9f0e8d7c-6b5a-4938-2716-050403020100 ".getBytes(StandardCharsets.UTF_8), PAYLOAD))));
    }
    return new WebhookRequest("https://hooks.example/webhooks/deliveroo", headers, body, Instant.parse("2026-01-01T12:00:00Z"));
  }

  @Property(tries = 200)
  void arbitraryBytesGiveEventsOrTypedRejection(@ForAll byte[] body) {
    assertOnlyTypedOutcomes(request(body, true));
  }

  @Property(tries = 300)
  void mutatedPayloadsGiveEventsOrTypedRejection(@ForAll("mutations") byte[] body) {
    assertOnlyTypedOutcomes(request(body, true));
    assertOnlyTypedOutcomes(request(body, false));
  }

  @Property(tries = 200)
  void mutatedPayloadNeverPassesTheOriginalSignature(@ForAll("mutations") byte[] body) {
    if (Arrays.equals(body, PAYLOAD)) {
      return;
    }
    WebhookRequest forged = new WebhookRequest(request(PAYLOAD, true).url(), request(PAYLOAD, true).headers(), body,
        Instant.parse("2026-01-01T12:00:00Z"));
    try {
      CONNECTOR.verifyWebhook(CONNECTION, forged);
      throw new AssertionError("a changed body passed the signature check");
    } catch (WebhookRejectedException expected) {
      assertThat(expected.reason()).isEqualTo(WebhookRejectedException.Reason.SIGNATURE);
    }
  }

  @Provide
  Arbitrary<byte[]> mutations() {
    byte[] structural = "{}[]\",:-0123456789e.\\ ntul".getBytes(StandardCharsets.US_ASCII);
    Arbitrary<Byte> value = Arbitraries.oneOf(Arbitraries.bytes(),
        Arbitraries.integers().between(0, structural.length - 1).map(i -> structural[i]));
    Arbitrary<int[]> edit = Combinators.combine(
            Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, PAYLOAD.length - 1), value)
        .as((kind, at, b) -> new int[] {kind, at, b});
    return edit.list().ofMinSize(1).ofMaxSize(4).map(edits -> {
      byte[] bytes = PAYLOAD.clone();
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

  private static byte[] resource(String name) {
    try (var in = DeliverooWebhookProperties.class.getResourceAsStream("/channels/" + name)) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
