package ai.stockclerk.testing;

import java.security.SecureRandom;
import java.util.Base64;

/** Random base64 keys for the settings a test context needs. */
public final class TestKeys {

  private TestKeys() {}

  public static String random32() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
