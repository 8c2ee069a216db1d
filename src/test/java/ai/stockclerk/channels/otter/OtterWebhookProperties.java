package ai.stockclerk.channels.otter;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelConnector;
import ai.stockclerk.channels.ChannelType;
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

/** The webhook robustness properties against Otter's documented new-order payload. */
class OtterWebhookProperties extends SignedPayloadProperties {

  private static final String SECRET = "prop-secret";
  private static final byte[] PAYLOAD = resource("otter/new-order.json");
  private static final VendorHttpClient HTTP = VendorHttpClient.builder().retryPolicy(RetryPolicy.NONE).build();
  private static final OtterConnector CONNECTOR = new OtterConnector(HTTP, OAuthTokenCache.systemDefault());
  private static final ChannelConnection CONNECTION = TestConnections.of(ChannelType.OTTER, "http://127.0.0.1:1",
      Map.of("clientId", "c", "clientSecret", "s"), Map.of("storeId", "our-store-17"), SECRET);

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
      headers.put("X-HMAC-SHA256", List.of(Hmacs.hex(Hmacs.hmacSha256(SECRET.getBytes(StandardCharsets.UTF_8), PAYLOAD))));
    }
    return new WebhookRequest("https://hooks.example/webhooks/otter", headers, body, Instant.parse("2026-01-01T12:00:00Z"));
  }
}
