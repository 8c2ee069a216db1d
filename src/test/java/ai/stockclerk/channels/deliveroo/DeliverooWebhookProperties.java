package ai.stockclerk.channels.deliveroo;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelConnector;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.conformance.SignedPayloadProperties;
import ai.stockclerk.channels.support.Hmacs;
import ai.stockclerk.channels.support.RetryPolicy;
import ai.stockclerk.channels.support.TestConnections;
import ai.stockclerk.channels.support.VendorHttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The webhook robustness properties against Deliveroo's documented new-order payload. */
class DeliverooWebhookProperties extends SignedPayloadProperties {

  private static final String SECRET = "prop-secret";
  private static final String SEQUENCE_GUID = "9f0e8d7c-6b5a-4938-2716-050403020100";
  private static final byte[] PAYLOAD = resource("deliveroo/order-new.json");
  private static final VendorHttpClient HTTP = VendorHttpClient.builder().retryPolicy(RetryPolicy.NONE).build();
  private static final DeliverooConnector CONNECTOR = new DeliverooConnector(HTTP);
  private static final ChannelConnection CONNECTION = TestConnections.of(ChannelType.DELIVEROO, "http://127.0.0.1:1",
      Map.of("clientId", "c", "clientSecret", "s"), Map.of("brandId", "b", "siteId", "s"), SECRET);

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
    headers.put("X-Deliveroo-Sequence-Guid", List.of(SEQUENCE_GUID));
    if (signed) {
      headers.put("X-Deliveroo-Hmac-Sha256", List.of(Hmacs.hex(Hmacs.hmacSha256(SECRET.getBytes(StandardCharsets.UTF_8),
          (SEQUENCE_GUID + " ").getBytes(StandardCharsets.UTF_8), PAYLOAD))));
    }
    return new WebhookRequest("https://hooks.example/webhooks/deliveroo", headers, body, Instant.parse("2026-01-01T12:00:00Z"));
  }
}
