package ai.stockclerk.channels.wix;

import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A compact JWS split into its parts, exactly as received. The signing input is the received ASCII
 * text before the second dot: re-encoding decoded parts would not reproduce the signed bytes.
 */
record WixJwt(byte[] signingInput, byte[] header, byte[] payload, byte[] signature) {

  private static final int MAX_LENGTH = 1 << 20;

  static WixJwt split(byte[] body) {
    if (body.length == 0 || body.length > MAX_LENGTH) {
      throw new WebhookRejectedException(Reason.MALFORMED, "Wix webhook body is not a JWT");
    }
    String text = new String(body, StandardCharsets.US_ASCII).strip();
    int first = text.indexOf('.');
    int second = first < 0 ? -1 : text.indexOf('.', first + 1);
    if (first <= 0 || second <= first + 1 || second == text.length() - 1 || text.indexOf('.', second + 1) >= 0) {
      throw new WebhookRejectedException(Reason.MALFORMED, "Wix webhook body is not a compact JWS");
    }
    return new WixJwt(
        text.substring(0, second).getBytes(StandardCharsets.US_ASCII),
        decode(text.substring(0, first)),
        decode(text.substring(first + 1, second)),
        decode(text.substring(second + 1)));
  }

  private static byte[] decode(String part) {
    try {
      return Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      throw new WebhookRejectedException(Reason.MALFORMED, "Wix webhook JWT part is not base64url");
    }
  }
}
