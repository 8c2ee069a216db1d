package ai.stockclerk.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.stockclerk.testing.TestKeys;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {

  private final String key = TestKeys.random32();
  private final CredentialCipher cipher = new CredentialCipher(KeyRing.of("k1", key, ""));

  @Test
  void roundTripsAndNeverStoresThePlaintext() {
    String sealed = cipher.encrypt("{\"accessToken\":\"shpat_secret\"}", "channel:t:c");

    assertThat(sealed).startsWith("v1:k1:").doesNotContain("shpat_secret");
    assertThat(cipher.decrypt(sealed, "channel:t:c")).isEqualTo("{\"accessToken\":\"shpat_secret\"}");
    assertThat(cipher.encrypt("same", "ctx")).isNotEqualTo(cipher.encrypt("same", "ctx"));
  }

  @Test
  void aValueMovedToAnotherRowDoesNotDecrypt() {
    String sealed = cipher.encrypt("hunter2", "channel:tenant-a:channel-1");

    assertThatThrownBy(() -> cipher.decrypt(sealed, "channel:tenant-b:channel-1"))
        .isInstanceOf(SecretException.class)
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void tamperedValuesAreRefused() {
    String sealed = cipher.encrypt("secret", "ctx");
    byte[] raw = java.util.Base64.getDecoder().decode(sealed.substring("v1:k1:".length()));
    raw[raw.length / 2] ^= 0x01;
    String tampered = "v1:k1:" + java.util.Base64.getEncoder().encodeToString(raw);

    assertThatThrownBy(() -> cipher.decrypt(tampered, "ctx")).isInstanceOf(SecretException.class);
    assertThatThrownBy(() -> cipher.decrypt("plain text", "ctx")).isInstanceOf(SecretException.class);
    assertThatThrownBy(() -> cipher.decrypt("v1:k9:AAAA", "ctx")).isInstanceOf(SecretException.class);
  }

  @Test
  void keysRotate() {
    String sealedUnderOld = cipher.encrypt("secret", "ctx");
    CredentialCipher rotated = new CredentialCipher(KeyRing.of("k2", TestKeys.random32(), "k1:" + key));

    assertThat(rotated.decrypt(sealedUnderOld, "ctx")).isEqualTo("secret");
    assertThat(rotated.needsRotation(sealedUnderOld)).isTrue();
    String resealed = rotated.encrypt("secret", "ctx");
    assertThat(resealed).startsWith("v1:k2:");
    assertThat(rotated.needsRotation(resealed)).isFalse();
  }

  @Test
  void keysMustBe256Bits() {
    assertThatThrownBy(() -> KeyRing.of("k1", "c2hvcnQ=", "")).hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> KeyRing.of("k1", "not base64!", "")).hasMessageContaining("base64");
  }
}
