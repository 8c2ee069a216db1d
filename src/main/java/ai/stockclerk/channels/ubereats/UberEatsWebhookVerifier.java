package ai.stockclerk.channels.ubereats;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRejectedException.Reason;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.support.Hmacs;
import java.nio.charset.StandardCharsets;

/**
 * Uber Eats: {@code X-Uber-Signature} is the lowercase hex HMAC-SHA256 of the raw body, keyed with
 * the app's client secret (Uber signs with it; there is no separate webhook secret). Compared in
 * constant time on the decoded bytes (hex case does not matter). No timestamp is
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
    String given =
        request.header(HEADER)
            .orElseThrow(() -> new WebhookRejectedException(Reason.SIGNATURE, "Uber Eats webhook lacks " + HEADER));
    if (!Hmacs.hexMatches(sign(secret, request.body()), given)) {
      throw new WebhookRejectedException(Reason.SIGNATURE, "Uber Eats webhook signature does not match");
    }
  }

  static byte[] sign(String secret, byte[] body) {
    return Hmacs.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), body);
  }
}
