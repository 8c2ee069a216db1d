package ai.stockclerk.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A channel as stored. Credentials and the webhook secret stay encrypted here; only the code that
 * talks to the vendor decrypts them. {@code settingsJson} is the channel's settings object.
 */
public record ChannelRecord(
    UUID id,
    UUID tenantId,
    String type,
    String name,
    String status,
    String statusDetail,
    boolean active,
    String externalInstanceId,
    String credentialsEncrypted,
    String webhookSecretEncrypted,
    String settingsJson,
    Instant lastSyncAt,
    Instant createdAt,
    Instant updatedAt) {

  @Override
  public String toString() {
    return "ChannelRecord[id=" + id + ", tenant=" + tenantId + ", type=" + type + ", status=" + status + "]";
  }
}
