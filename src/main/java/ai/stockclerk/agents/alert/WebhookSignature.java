package ai.stockclerk.agents.alert;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs outgoing alert webhooks: {@code X-StockClerk-Signature: sha256=<hex>} is HMAC-SHA256 with
 * the tenant's secret over {@code <timestamp>.<raw body>}, where the timestamp is the
 * {@code X-StockClerk-Timestamp} header (Unix seconds). Binding the timestamp lets a receiver
 * refuse replays of an old, captured request.
 */
public final class WebhookSignature {

  public static final String SIGNATURE_HEADER = "X-StockClerk-Signature";
  public static final String TIMESTAMP_HEADER = "X-StockClerk-Timestamp";
  public static final String DELIVERY_HEADER = "X-StockClerk-Delivery";
  public static final String EVENT_HEADER = "X-StockClerk-Event";

  private WebhookSignature() {}

  /** The header value, {@code sha256=} and the lower-case hex digest. */
  public static String sign(String secret, long timestampSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** Constant-time check of a received header value, for receivers (and our tests). */
  public static boolean verify(String secret, long timestampSeconds, byte[] body, String header) {
    if (header == null) {
      return false;
    }
    byte[] expected = sign(secret, timestampSeconds, body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.US_ASCII));
  }
}
