package ai.stockclerk.channels.eposnow;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelConnector;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.conformance.MutatedPayloadProperties;
import ai.stockclerk.channels.support.RetryPolicy;
import ai.stockclerk.channels.support.TestConnections;
import ai.stockclerk.channels.support.VendorHttpClient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The webhook robustness properties against Epos Now's documented stock payload. Not the signature
 * property: Epos Now proves a webhook by a token in its URL, which a changed body keeps.
 */
class EposnowWebhookProperties extends MutatedPayloadProperties {

  private static final String SECRET = "prop-secret";
  private static final String URL = "https://hooks.example/webhooks/eposnow";
  private static final byte[] PAYLOAD = resource("eposnow/product-stock-v4.json");
  private static final VendorHttpClient HTTP = VendorHttpClient.builder().retryPolicy(RetryPolicy.NONE).build();
  private static final EposnowConnector CONNECTOR = new EposnowConnector(HTTP);
  private static final ChannelConnection CONNECTION = TestConnections.of(ChannelType.EPOSNOW, "http://127.0.0.1:1",
      Map.of("apiKey", "k", "apiSecret", "s"), Map.of("locationId", "12"), SECRET);

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
    return new WebhookRequest(signed ? URL + "?token=" + SECRET : URL, new LinkedHashMap<>(), body,
        Instant.parse("2026-01-01T12:00:00Z"));
  }
}
