package ai.stockclerk.channels.wix;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRejectedException.Reason;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * The app's RSA public key from the Wix dashboard ("Get Public Key"), as PEM. Looked up in the
 * credentials first, then the settings; a channel without a usable key rejects every webhook.
 */
final class WixPublicKey {

  static final String NAME = "publicKey";
  private static final int MIN_BITS = 2048;

  private WixPublicKey() {}

  static RSAPublicKey of(ChannelConnection connection) {
    String pem =
        Optional.ofNullable(connection.credentials().get(NAME))
            .or(() -> connection.setting(NAME))
            .filter(s -> !s.isBlank())
            .orElseThrow(() -> new WebhookRejectedException(Reason.SIGNATURE, "no Wix public key configured"));
    return parse(pem);
  }

  static RSAPublicKey parse(String pem) {
    String base64 =
        pem.replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    try {
      PublicKey key =
          KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
      if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= MIN_BITS) {
        return rsa;
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // falls through to the typed rejection below; the key text is never echoed
    }
    throw new WebhookRejectedException(Reason.SIGNATURE, "the configured Wix public key is not a usable RSA key");
  }
}
