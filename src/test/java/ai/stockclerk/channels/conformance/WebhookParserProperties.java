package ai.stockclerk.channels.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelConnector;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.shopify.ShopifyConnector;
import ai.stockclerk.channels.square.SquareConnector;
import ai.stockclerk.channels.support.Hmacs;
import ai.stockclerk.channels.support.TestConnections;
import ai.stockclerk.channels.support.VendorHttpClient;
import ai.stockclerk.channels.woocommerce.WooCommerceConnector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whatever arrives, parsing and verifying end in events or a typed rejection, never another
 * exception: arbitrary bytes, and the vendors' documented payloads with bytes changed, dropped or
 * added. Payloads are in {@code src/test/resources/channels/{vendor}/}.
 */
class WebhookParserProperties {

  private static final String SECRET = "property-secret";
  private static final String URL = "https://hooks.example/webhooks/square";
  private static final VendorHttpClient HTTP = VendorHttpClient.builder().build();

  enum Vendor {
    SHOPIFY(new ShopifyConnector(HTTP), "shopify/inventory_levels_update.json",
        Map.of("X-Shopify-Topic", "inventory_levels/update", "X-Shopify-Event-Id", "e-1"),
        Map.of("locationId", "24826418")),
    WOOCOMMERCE(new WooCommerceConnector(HTTP), "woocommerce/product_updated.json",
        Map.of("X-WC-Webhook-Topic", "product.updated"), Map.of()),
    SQUARE(new SquareConnector(HTTP), "square/inventory_count_updated.json", Map.of(),
        Map.of("locationId", "YYQR6N0ZG7PSZ"));

    final ChannelConnector connector;
    final byte[] payload;
    final Map<String, String> headers;
    final ChannelConnection connection;

    Vendor(ChannelConnector connector, String resource, Map<String, String> headers, Map<String, Object> settings) {
      this.connector = connector;
      this.payload = load(resource);
      this.headers = headers;
      this.connection = TestConnections.of(ChannelType.valueOf(name()), "http://127.0.0.1:1",
          Map.of("accessToken", "t", "consumerKey", "k", "consumerSecret", "s"), settings, SECRET);
    }

    WebhookRequest request(byte[] body, boolean signed) {
      Map<String, List<String>> all = new java.util.HashMap<>();
      headers.forEach((k, v) -> all.put(k, List.of(v)));
      if (signed) {
        byte[] key = SECRET.getBytes(StandardCharsets.UTF_8);
        String base64 = Hmacs.base64(this == SQUARE
            ? Hmacs.hmacSha256(key, URL.getBytes(StandardCharsets.UTF_8), body) : Hmacs.hmacSha256(key, body));
        all.put(switch (this) {
          case SHOPIFY -> "X-Shopify-Hmac-Sha256";
          case WOOCOMMERCE -> "X-WC-Webhook-Signature";
          case SQUARE -> "x-square-hmacsha256-signature";
        }, List.of(base64));
      }
      return new WebhookRequest(URL, all, body, Instant.parse("2026-01-01T00:00:00Z"));
    }
  }

  @Example
  void documentedPayloadsParseToLevelReports() throws Exception {
    for (Vendor vendor : Vendor.values()) {
      WebhookRequest request = vendor.request(vendor.payload, true);
      vendor.connector.verifyWebhook(vendor.connection, request);
      assertThat(vendor.connector.parseWebhook(vendor.connection, request))
          .singleElement().isInstanceOf(StockEvent.LevelReport.class);
    }
  }

  @Property(tries = 300)
  void arbitraryBytesGiveEventsOrTypedRejection(@ForAll Vendor vendor, @ForAll byte[] body) {
    assertOnlyTypedOutcomes(vendor, body);
  }

  @Property(tries = 600)
  void mutatedPayloadsGiveEventsOrTypedRejection(@ForAll("mutations") Tuple.Tuple2<Vendor, byte[]> mutated) {
    assertOnlyTypedOutcomes(mutated.get1(), mutated.get2());
  }

  @Property(tries = 300)
  void mutatedPayloadNeverPassesTheOriginalSignature(@ForAll("mutations") Tuple.Tuple2<Vendor, byte[]> mutated) {
    Vendor vendor = mutated.get1();
    if (java.util.Arrays.equals(mutated.get2(), vendor.payload)) {
      return;
    }
    WebhookRequest original = vendor.request(vendor.payload, true);
    WebhookRequest forged = new WebhookRequest(URL, original.headers(), mutated.get2(), original.receivedAt());
    try {
      vendor.connector.verifyWebhook(vendor.connection, forged);
      throw new AssertionError("a changed body passed the signature check");
    } catch (WebhookRejectedException expected) {
      assertThat(expected.reason()).isEqualTo(WebhookRejectedException.Reason.SIGNATURE);
    }
  }

  @Provide
  Arbitrary<Tuple.Tuple2<Vendor, byte[]>> mutations() {
    return Arbitraries.of(Vendor.class).flatMap(vendor -> mutationsOf(vendor.payload).map(bytes -> Tuple.of(vendor, bytes)));
  }

  private static Arbitrary<byte[]> mutationsOf(byte[] payload) {
    Arbitrary<Integer> position = Arbitraries.integers().between(0, payload.length - 1);
    Arbitrary<Byte> anyByte = Arbitraries.bytes();
    Arbitrary<byte[]> replaced = Arbitraries.lazy(() -> position.flatMap(p -> anyByte.map(b -> {
      byte[] copy = payload.clone();
      copy[p] = b;
      return copy;
    })));
    Arbitrary<byte[]> truncated = position.map(p -> java.util.Arrays.copyOf(payload, p));
    Arbitrary<byte[]> inserted = position.flatMap(p -> Arbitraries.of("\"", "{", "]", "null", "-1", "1e999", "\"x\"", ",", "\u00ff")
        .map(s -> splice(payload, p, s.getBytes(StandardCharsets.UTF_8))));
    Arbitrary<byte[]> valueSwapped = Arbitraries.of("\"3\"", "null", "[]", "{}", "true", "-5", "99999999999999999999", "\"abc\"", "1.5")
        .map(s -> new String(payload, StandardCharsets.UTF_8).replaceFirst(":(\\d+|\"\\d+\")", ":" + s).getBytes(StandardCharsets.UTF_8));
    return Arbitraries.oneOf(replaced, truncated, inserted, valueSwapped);
  }

  private static byte[] splice(byte[] payload, int at, byte[] insert) {
    byte[] out = new byte[payload.length + insert.length];
    System.arraycopy(payload, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(payload, at, out, at + insert.length, payload.length - at);
    return out;
  }

  private static void assertOnlyTypedOutcomes(Vendor vendor, byte[] body) {
    WebhookRequest request = vendor.request(body, true);
    try {
      vendor.connector.verifyWebhook(vendor.connection, request);
      List<StockEvent> events = vendor.connector.parseWebhook(vendor.connection, request);
      assertThat(events).allSatisfy(e -> assertThat(e.externalId()).isNotBlank());
    } catch (WebhookRejectedException typed) {
      assertThat(typed.reason()).isNotNull();
    }
    try {
      vendor.connector.instanceIdOf(request);
    } catch (RuntimeException routing) {
      throw new AssertionError("routing threw " + routing, routing);
    }
  }

  private static byte[] load(String resource) {
    try (InputStream in = WebhookParserProperties.class.getResourceAsStream("/channels/" + resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
