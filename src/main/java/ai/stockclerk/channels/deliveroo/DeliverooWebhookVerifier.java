package ai.stockclerk.channels.deliveroo;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRejectedException.Reason;
import ai.stockclerk.channels.WebhookRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
    byte[] given = required(request, SIGNATURE_HEADER).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    byte[] body = request.body();
    boolean current = MessageDigest.isEqual(hex(sign(secret, guid, SEPARATOR, body)), given);
    boolean legacy = MessageDigest.isEqual(hex(sign(secret, guid, LEGACY_SEPARATOR, body)), given);
    if (!(current | legacy)) {
      throw new WebhookRejectedException(Reason.SIGNATURE, "Deliveroo webhook signature does not match");
    }
  }

  static byte[] sign(String secret, String guid, String separator, byte[] body) {
    ByteArrayOutputStream signed = new ByteArrayOutputStream(body.length + guid.length() + 3);
    signed.writeBytes(guid.getBytes(StandardCharsets.UTF_8));
    signed.writeBytes(separator.getBytes(StandardCharsets.UTF_8));
    signed.writeBytes(body);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(signed.toByteArray());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static byte[] hex(byte[] mac) {
    return HexFormat.of().formatHex(mac).getBytes(StandardCharsets.US_ASCII);
  }

  private static String required(WebhookRequest request, String header) {
    return request.header(header)
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .orElseThrow(() -> new WebhookRejectedException(Reason.SIGNATURE, "Deliveroo webhook lacks " + header));
  }
}
