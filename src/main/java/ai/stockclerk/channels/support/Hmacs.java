package ai.stockclerk.channels.support;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 and constant-time comparison of a received signature with the expected one. The
 * received value is decoded to bytes first, so the compare does not depend on letter case (hex)
 * and takes the same time wherever the first difference is.
 */
public final class Hmacs {

  private static final String ALGORITHM = "HmacSHA256";

  private Hmacs() {}

  /** HMAC-SHA256 of the concatenated parts (a URL and a body, a GUID and a body...). */
  public static byte[] hmacSha256(byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      // An empty key is not accepted by SecretKeySpec; no vendor issues one, so fail closed.
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, ALGORITHM));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
      throw new IllegalStateException("HmacSHA256 unavailable", impossible);
    }
  }

  /** True when {@code received} is the base64 of {@code expected}. */
  public static boolean base64Matches(byte[] expected, String received) {
    if (received == null) {
      return false;
    }
    try {
      return MessageDigest.isEqual(expected, Base64.getDecoder().decode(received.trim()));
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  /** True when {@code received} is the hex (either case) of {@code expected}. */
  public static boolean hexMatches(byte[] expected, String received) {
    if (received == null) {
      return false;
    }
    try {
      return MessageDigest.isEqual(expected, HexFormat.of().parseHex(received.trim()));
    } catch (IllegalArgumentException notHex) {
      return false;
    }
  }

  public static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
