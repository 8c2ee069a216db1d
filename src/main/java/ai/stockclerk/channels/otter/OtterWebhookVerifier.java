package ai.stockclerk.channels.otter;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRejectedException.Reason;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.support.Hmacs;
import java.nio.charset.StandardCharsets;

/**
 * Otter signs every webhook with HMAC-SHA256 in the {@code X-HMAC-SHA256} header, keyed with the
 * webhook secret agreed with Otter. What exactly is signed and how the MAC is encoded sit in a guide
 * we could not read (UNCONFIRMED). Safest reading: the MAC covers the raw body bytes and nothing
 * else. Both hex and base64 encodings of that same MAC are accepted: each needs the secret to
 * produce, so accepting both does not weaken the check. Otter sends no timestamp, so there is no
 * replay window; the {@code eventId} de-duplicates.
 */
final class OtterWebhookVerifier {

  static final String HEADER = "X-HMAC-SHA256";

  private OtterWebhookVerifier() {}

  static void verify(ChannelConnection connection, WebhookRequest request) {
    String secret = connection.webhookSecret();
    if (secret == null || secret.isBlank()) {
      throw new WebhookRejectedException(Reason.SIGNATURE, "no webhook secret configured for this Otter channel");
    }
    String given =
        request.header(HEADER)
            .map(String::strip)
            .orElseThrow(() -> new WebhookRejectedException(Reason.SIGNATURE, "Otter webhook lacks " + HEADER));
    byte[] expected = Hmacs.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), request.body());
    boolean hexMatches = Hmacs.hexMatches(expected, given);
    boolean base64Matches = Hmacs.base64Matches(expected, given);
    if (!(hexMatches | base64Matches)) {
      throw new WebhookRejectedException(Reason.SIGNATURE, "Otter webhook signature does not match");
    }
  }
}
