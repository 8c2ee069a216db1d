package ai.stockclerk.store;

import java.util.UUID;

/** What login needs to check a password, found by e-mail before any tenant is known. */
public record LoginCandidate(UUID userId, UUID tenantId, String passwordHash, String role, boolean superAdmin) {
  @Override
  public String toString() {
    return "LoginCandidate[user=" + userId + ", tenant=" + tenantId + "]";
  }
}
