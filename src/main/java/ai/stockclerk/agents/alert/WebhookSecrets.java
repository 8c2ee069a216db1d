package ai.stockclerk.agents.alert;

import ai.stockclerk.secrets.CredentialCipher;
import java.util.UUID;

/** Seals the tenant's webhook signing secret at rest, bound to the tenant so it cannot be moved. */
class WebhookSecrets {

  private final CredentialCipher cipher;

  WebhookSecrets(CredentialCipher cipher) {
    this.cipher = cipher;
  }

  String seal(UUID tenantId, String secret) {
    return cipher.encrypt(secret, context(tenantId));
  }

  String open(UUID tenantId, String sealed) {
    return cipher.decrypt(sealed, context(tenantId));
  }

  private static String context(UUID tenantId) {
    return "alert-webhook:" + tenantId;
  }
}
