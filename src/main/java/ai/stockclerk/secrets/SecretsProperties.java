package ai.stockclerk.secrets;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys and token settings. {@code encryptionKey} and {@code jwtSecret} are base64 (32+ random
 * bytes); in embedded mode, when unset, they are generated once into the data directory (mode
 * 0600). {@code previousEncryptionKeys} ("id:base64,id:base64") keeps old keys readable while
 * values are re-encrypted under the current one.
 */
@ConfigurationProperties("stockclerk.security")
public record SecretsProperties(
    String jwtSecret,
    Duration tokenTtl,
    int bcryptStrength,
    String encryptionKey,
    String encryptionKeyId,
    String previousEncryptionKeys,
    int loginAttemptsPerMinute) {

  public SecretsProperties {
    jwtSecret = jwtSecret == null ? "" : jwtSecret.trim();
    tokenTtl = tokenTtl == null ? Duration.ofHours(12) : tokenTtl;
    bcryptStrength = bcryptStrength == 0 ? 10 : bcryptStrength;
    encryptionKey = encryptionKey == null ? "" : encryptionKey.trim();
    encryptionKeyId = encryptionKeyId == null || encryptionKeyId.isBlank() ? "k1" : encryptionKeyId.trim();
    previousEncryptionKeys = previousEncryptionKeys == null ? "" : previousEncryptionKeys.trim();
    loginAttemptsPerMinute = loginAttemptsPerMinute <= 0 ? 10 : loginAttemptsPerMinute;
  }

  @Override
  public String toString() {
    return "SecretsProperties[tokenTtl=" + tokenTtl + ", encryptionKeyId=" + encryptionKeyId + "]";
  }
}
