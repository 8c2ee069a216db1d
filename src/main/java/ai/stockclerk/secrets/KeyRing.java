package ai.stockclerk.secrets;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The current encryption key (new values) and older ones (reading values not yet re-encrypted). */
final class KeyRing {

  private final String currentId;
  private final Map<String, SecretKey> keys;

  private KeyRing(String currentId, Map<String, SecretKey> keys) {
    this.currentId = currentId;
    this.keys = Map.copyOf(keys);
  }

  static KeyRing of(String currentId, String currentKeyBase64, String previous) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    keys.put(currentId, aesKey(currentKeyBase64));
    for (String entry : previous.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int colon = entry.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("previous encryption keys must be written id:base64,id:base64");
      }
      keys.putIfAbsent(entry.substring(0, colon).trim(), aesKey(entry.substring(colon + 1).trim()));
    }
    return new KeyRing(currentId, keys);
  }

  String currentId() {
    return currentId;
  }

  SecretKey current() {
    return keys.get(currentId);
  }

  Optional<SecretKey> byId(String id) {
    return Optional.ofNullable(keys.get(id));
  }

  private static SecretKey aesKey(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("an encryption key is not valid base64");
    }
    if (bytes.length != 32) {
      throw new IllegalArgumentException("an encryption key must be 32 bytes (AES-256), base64-encoded");
    }
    return new SecretKeySpec(bytes, "AES");
  }
}
