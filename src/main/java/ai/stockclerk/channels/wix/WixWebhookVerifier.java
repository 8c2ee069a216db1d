package ai.stockclerk.channels.wix;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRejectedException.Reason;
import ai.stockclerk.channels.WebhookRequest;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Wix sends the webhook body as a JWT signed RS256 with the app's private key. Only RS256 is
 * accepted (a token naming "none" or an HMAC algorithm is refused, so the public key can never be
 * used as an HMAC secret). Freshness: {@code exp} is enforced when present, {@code iat} may not lie
 * in the future, and a token carrying neither is refused. Wix resends for up to 48 h; whether a
 * resend carries a new token is not documented, so without {@code exp} an {@code iat} up to
 * {@link #MAX_AGE_WITHOUT_EXP} old is accepted and the event id de-duplicates the rest.
 */
final class WixWebhookVerifier {

  static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
  static final Duration MAX_AGE_WITHOUT_EXP = Duration.ofHours(49);

  private WixWebhookVerifier() {}

  static void verify(ChannelConnection connection, WebhookRequest request) {
    WixJwt jwt = WixJwt.split(request.body());
    JsonNode header = WixJson.tree(jwt.header());
    if (!"RS256".equals(WixJson.text(header, "alg"))) {
      throw new WebhookRejectedException(Reason.SIGNATURE, "Wix webhook JWT is not signed RS256");
    }
    if (!signatureHolds(jwt, connection)) {
      throw new WebhookRejectedException(Reason.SIGNATURE, "Wix webhook JWT signature does not verify");
    }
    checkFreshness(WixJson.tree(jwt.payload()), request.receivedAt());
  }

  private static boolean signatureHolds(WixJwt jwt, ChannelConnection connection) {
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(WixPublicKey.of(connection));
      rsa.update(jwt.signingInput());
      return rsa.verify(jwt.signature());
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static void checkFreshness(JsonNode claims, Instant now) {
    Long exp = WixJson.epochSeconds(claims, "exp");
    Long iat = WixJson.epochSeconds(claims, "iat");
    if (exp == null && iat == null) {
      throw new WebhookRejectedException(Reason.SIGNATURE, "Wix webhook JWT carries no exp or iat");
    }
    if (exp != null && now.isAfter(Instant.ofEpochSecond(exp).plus(CLOCK_SKEW))) {
      throw new WebhookRejectedException(Reason.SIGNATURE, "Wix webhook JWT has expired");
    }
    if (iat != null && Instant.ofEpochSecond(iat).isAfter(now.plus(CLOCK_SKEW))) {
      throw new WebhookRejectedException(Reason.SIGNATURE, "Wix webhook JWT is issued in the future");
    }
    if (exp == null && now.isAfter(Instant.ofEpochSecond(iat).plus(MAX_AGE_WITHOUT_EXP))) {
      throw new WebhookRejectedException(Reason.SIGNATURE, "Wix webhook JWT is too old");
    }
  }
}
