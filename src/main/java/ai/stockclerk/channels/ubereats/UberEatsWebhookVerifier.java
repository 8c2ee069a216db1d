package ai.stockclerk.channels.ubereats;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRejectedException.Reason;
import ai.stockclerk.channels.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Uber Eats: {@code X-Uber-Signature} is the lowercase hex HMAC-SHA256 of the raw body, keyed with
 * the app's client secret (Uber signs with it; there is no separate webhook secret). Compared in
 * constant time; uppercase hex is refused because Uber documents lowercase. No timestamp is
 * signed: {@code event_id} de-duplicates.
 */
final class UberEatsWebhookVerifier {

  static final String HEADER = "X-Uber-Signature";

  private UberEatsWebhookVerifier() {}

  static void verify(ChannelConnection connection, WebhookRequest request) {
    String secret = connection.credentials().get(UberEatsCredentials.CLIENT_SECRET);
    if (secret == null || secret.isBlank()) {
      throw new WebhookRejectedException(Reason.SIGNATURE, "no client secret configured for this Uber Eats channel");
    }
    byte[] given =
        request.header(HEADER)
            .map(String::strip)
            .orElseThrow(() -> new WebhookRejectedException(Reason.SIGNATURE, "Uber Eats webhook lacks " + HEADER))
            .getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(sign(secret, request.body()), given)) {
      throw new WebhookRejectedException(Reason.SIGNATURE, "Uber Eats webhook signature does not match");
    }
  }

  static byte[] sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
