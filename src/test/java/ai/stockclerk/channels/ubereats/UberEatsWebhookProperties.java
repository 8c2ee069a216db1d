package ai.stockclerk.channels.ubereats;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelConnector;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.conformance.SignedPayloadProperties;
import ai.stockclerk.channels.support.Hmacs;
import ai.stockclerk.channels.support.OAuthTokenCache;
import ai.stockclerk.channels.support.RetryPolicy;
import ai.stockclerk.channels.support.TestConnections;
import ai.stockclerk.channels.support.VendorHttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The webhook robustness properties against Uber Eats's documented order notification. */
class UberEatsWebhookProperties extends SignedPayloadProperties {

  private static final String SECRET = "unused";
  private static final String CLIENT_SECRET = "uber-prop-client-secret";
  private static final byte[] PAYLOAD = resource("ubereats/orders-notification.json");
  private static final VendorHttpClient HTTP = VendorHttpClient.builder().retryPolicy(RetryPolicy.NONE).build();
  private static final UberEatsConnector CONNECTOR = new UberEatsConnector(HTTP, OAuthTokenCache.systemDefault());
  private static final ChannelConnection CONNECTION = TestConnections.of(ChannelType.UBEREATS, "http://127.0.0.1:1",
      Map.of("clientId", "c", "clientSecret", CLIENT_SECRET), Map.of("storeId", "store-9f1c"), SECRET);

  @Override
  protected ChannelConnector connector() {
    return CONNECTOR;
  }

  @Override
  protected ChannelConnection connection() {
    return CONNECTION;
  }

  @Override
  protected byte[] payload() {
    return PAYLOAD;
  }

  @Override
  protected WebhookRequest request(byte[] body, boolean signed) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (signed) {
      headers.put("X-Uber-Signature", List.of(Hmacs.hex(Hmacs.hmacSha256(CLIENT_SECRET.getBytes(StandardCharsets.UTF_8), PAYLOAD))));
    }
    return new WebhookRequest("https://hooks.example/webhooks/ubereats", headers, body, Instant.parse("2026-01-01T12:00:00Z"));
  }

  @Override
  protected List<StockEvent> parsedEvents(WebhookRequest request) {
    try {
      return super.parsedEvents(request);
    } catch (ChannelException orderFetchFailed) {
      // an order webhook is parsed by fetching the order; no vendor here, so the fetch fails typed
      assertThat(orderFetchFailed.failure()).isNotNull();
      return List.of();
    }
  }
}
