package ai.stockclerk.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts channel credentials at rest with AES-256-GCM. A value reads {@code v1:<keyId>:<base64(iv
 * | ciphertext+tag)>}; the key id lets keys rotate. The caller's context (tenant and channel id) is
 * bound in as associated data, so a value copied onto another row does not decrypt.
 */
public final class CredentialCipher {

  private static final String PREFIX = "v1";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final KeyRing keys;
  private final SecureRandom random = new SecureRandom();

  CredentialCipher(KeyRing keys) {
    this.keys = keys;
  }

  public String encrypt(String plaintext, String context) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    byte[] sealed = run(Cipher.ENCRYPT_MODE, keys.current(), iv, context, plaintext.getBytes(StandardCharsets.UTF_8));
    byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
    return PREFIX + ":" + keys.currentId() + ":" + Base64.getEncoder().encodeToString(out);
  }

  public String decrypt(String value, String context) {
    String[] parts = value.split(":", 3);
    if (parts.length != 3 || !PREFIX.equals(parts[0])) {
      throw new SecretException("stored secret has an unknown format");
    }
    SecretKey key = keys.byId(parts[1]).orElseThrow(() -> new SecretException("no key with id " + parts[1]));
    byte[] all = Base64.getDecoder().decode(parts[2]);
    if (all.length <= IV_BYTES) {
      throw new SecretException("stored secret is truncated");
    }
    byte[] iv = java.util.Arrays.copyOfRange(all, 0, IV_BYTES);
    byte[] sealed = java.util.Arrays.copyOfRange(all, IV_BYTES, all.length);
    return new String(run(Cipher.DECRYPT_MODE, key, iv, context, sealed), StandardCharsets.UTF_8);
  }

  /** Whether the value was sealed under an older key and should be re-encrypted. */
  public boolean needsRotation(String value) {
    String[] parts = value.split(":", 3);
    return parts.length == 3 && !parts[1].equals(keys.currentId());
  }

  private static byte[] run(int mode, SecretKey key, byte[] iv, String context, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      // Deliberately without the cause's message: it must not hint at key or plaintext.
      throw new SecretException("stored secret could not be decrypted (wrong key or tampered value)");
    }
  }
}
