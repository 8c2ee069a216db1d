package ai.stockclerk.secrets;

import java.nio.file.Path;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the credential cipher and the token signing key from settings, or from the data directory. */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

  @Bean
  CredentialCipher credentialCipher(SecretsProperties properties, KeySource keySource) {
    String key = keySource.resolve(properties.encryptionKey(), "encryption.key", "STOCKCLERK_ENCRYPTION_KEY");
    return new CredentialCipher(KeyRing.of(properties.encryptionKeyId(), key, properties.previousEncryptionKeys()));
  }

  @Bean
  TokenSigningKey tokenSigningKey(SecretsProperties properties, KeySource keySource) {
    String secret = keySource.resolve(properties.jwtSecret(), "jwt.key", "STOCKCLERK_JWT_SECRET");
    byte[] bytes = Base64.getDecoder().decode(secret);
    if (bytes.length < 32) {
      throw new IllegalStateException("STOCKCLERK_JWT_SECRET must be at least 32 bytes, base64-encoded");
    }
    SecretKey key = new SecretKeySpec(bytes, "HmacSHA256");
    return new TokenSigningKey(key);
  }

  @Bean
  KeySource keySource(@Value("${stockclerk.data-dir}") Path dataDir, @Value("${stockclerk.database.url:}") String dbUrl) {
    return new KeySource(dataDir.resolve("keys"), dbUrl == null || dbUrl.isBlank());
  }

  /** Configured value first; generated files only in embedded mode, where there is nobody to ask. */
  record KeySource(Path directory, boolean embedded) {
    String resolve(String configured, String fileName, String variable) {
      if (!configured.isEmpty()) {
        return configured;
      }
      if (!embedded) {
        throw new IllegalStateException(variable + " must be set when StockClerk uses an external database");
      }
      return GeneratedSecrets.loadOrCreate(directory.resolve(fileName));
    }
  }
}
