package ai.stockclerk.secrets;

import javax.crypto.SecretKey;

/** The HMAC key that signs and checks access tokens (HS256). */
public record TokenSigningKey(SecretKey key) {
  @Override
  public String toString() {
    return "TokenSigningKey[HS256]";
  }
}
