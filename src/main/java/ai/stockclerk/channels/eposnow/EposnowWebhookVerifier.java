package ai.stockclerk.channels.eposnow;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRejectedException.Reason;
import ai.stockclerk.channels.WebhookRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Epos Now documents no webhook signature (webhooks are "Beta"), and a trigger is configured as a
 * URL only, so no header can be added. Our own scheme: the channel's webhook secret travels as the
 * {@code token} query parameter of the URL registered with Epos Now, and is compared in constant
 * time (both sides hashed first, so not even the length leaks). A request without it is refused.
 * The body is unsigned: it is read as a hint and checked by the Guardian's reconciliation.
 */
final class EposnowWebhookVerifier {

  static final String TOKEN_PARAMETER = "token";

  private EposnowWebhookVerifier() {}

  static void verify(ChannelConnection connection, WebhookRequest request) {
    String secret = connection.webhookSecret();
    if (secret == null || secret.isBlank()) {
      throw new WebhookRejectedException(Reason.SIGNATURE, "no webhook secret configured for this Epos Now channel");
    }
    String token =
        tokenOf(request.url())
            .orElseThrow(() -> new WebhookRejectedException(Reason.SIGNATURE, "Epos Now webhook URL lacks the token"));
    if (!MessageDigest.isEqual(sha256(token), sha256(secret))) {
      throw new WebhookRejectedException(Reason.SIGNATURE, "Epos Now webhook token does not match");
    }
  }

  static Optional<String> tokenOf(String url) {
    try {
      String query = url == null ? null : URI.create(url).getRawQuery();
      if (query == null) {
        return Optional.empty();
      }
      Optional<String> found = Optional.empty();
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && TOKEN_PARAMETER.equals(pair.substring(0, eq))) {
          if (found.isPresent()) {
            return Optional.empty(); // two tokens: ambiguous, refuse
          }
          found = Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      return found.filter(s -> !s.isEmpty());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
