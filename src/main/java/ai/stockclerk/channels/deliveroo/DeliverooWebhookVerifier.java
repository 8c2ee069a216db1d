package ai.stockclerk.channels.deliveroo;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRejectedException.Reason;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.support.Hmacs;
import java.nio.charset.StandardCharsets;

/**
 * Deliveroo: {@code X-Deliveroo-Hmac-Sha256} is the hex HMAC-SHA256, keyed with the webhook secret
 * (not the API secret), of the {@code X-Deliveroo-Sequence-Guid} value, a space, and the raw body.
 * The legacy POS events ({@code new_order}, {@code cancel_order}) join with {@code " \n "} instead;
 * both joins are tried, each needs the secret. No timestamp is signed: the GUID de-duplicates.
 */
final class DeliverooWebhookVerifier {

  static final String SIGNATURE_HEADER = "X-Deliveroo-Hmac-Sha256";
  static final String GUID_HEADER = "X-Deliveroo-Sequence-Guid";
  static final String SEPARATOR = " ";
  static final String LEGACY_SEPARATOR = " \n ";

  private DeliverooWebhookVerifier() {}

  static void verify(ChannelConnection connection, WebhookRequest request) {
    String secret = connection.webhookSecret();
    if (secret == null || secret.isBlank()) {
      throw new WebhookRejectedException(Reason.SIGNATURE, "no webhook secret configured for this Deliveroo channel");
    }
    String guid = required(request, GUID_HEADER);
    String given = required(request, SIGNATURE_HEADER);
    byte[] body = request.body();
    boolean current = Hmacs.hexMatches(sign(secret, guid, SEPARATOR, body), given);
    boolean legacy = Hmacs.hexMatches(sign(secret, guid, LEGACY_SEPARATOR, body), given);
    if (!(current | legacy)) {
      throw new WebhookRejectedException(Reason.SIGNATURE, "Deliveroo webhook signature does not match");
    }
  }

  static byte[] sign(String secret, String guid, String separator, byte[] body) {
    return Hmacs.hmacSha256(
        secret.getBytes(StandardCharsets.UTF_8),
        guid.getBytes(StandardCharsets.UTF_8),
        separator.getBytes(StandardCharsets.UTF_8),
        body);
  }

  private static String required(WebhookRequest request, String header) {
    return request.header(header)
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .orElseThrow(() -> new WebhookRejectedException(Reason.SIGNATURE, "Deliveroo webhook lacks " + header));
  }
}
