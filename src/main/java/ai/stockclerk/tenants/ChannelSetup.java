package ai.stockclerk.tenants;

import ai.stockclerk.channels.ApiBaseUrlPolicy;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.secrets.CredentialCipher;
import ai.stockclerk.store.ChannelChanges;
import ai.stockclerk.store.ChannelRecord;
import ai.stockclerk.store.ChannelStore;
import ai.stockclerk.store.Tenancy;
import ai.stockclerk.store.TenantStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Connects, changes and removes a tenant's channels. Credentials are encrypted before they reach
 * the store and are never handed back; the webhook secret is generated here unless the vendor
 * issued one, and shown to the tenant once.
 */
@Service
public class ChannelSetup {

  static final String WEBHOOK_SECRET = "webhookSecret";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Tenancy tenancy;
  private final ChannelStore channels;
  private final TenantStore tenants;
  private final CredentialCipher cipher;
  private final ApiBaseUrlPolicy urlPolicy;
  private final SecureRandom random = new SecureRandom();

  ChannelSetup(Tenancy tenancy, ChannelStore channels, TenantStore tenants, CredentialCipher cipher,
      ApiBaseUrlPolicy urlPolicy) {
    this.tenancy = tenancy;
    this.channels = channels;
    this.tenants = tenants;
    this.cipher = cipher;
    this.urlPolicy = urlPolicy;
  }

  /** A new channel, and its webhook secret when StockClerk generated it (shown once). */
  public record Created(ChannelRecord channel, Optional<String> generatedWebhookSecret) {}

  public Created create(UUID tenantId, ChannelType type, String name, String externalInstanceId,
      Map<String, String> credentials, Map<String, Object> settings) {
    urlPolicy.check(settings.get("apiBaseUrl"));
    Map<String, String> secrets = new LinkedHashMap<>(credentials);
    String given = secrets.remove(WEBHOOK_SECRET);
    String webhookSecret = given == null || given.isBlank() ? newSecret() : given;
    UUID id = UUID.randomUUID();
    ChannelRecord channel = tenancy.inTenant(tenantId, () -> {
      enforcePlanLimit();
      return channels.create(id, type.wireName(), name, blankToNull(externalInstanceId),
          cipher.encrypt(JSON.writeValueAsString(secrets), context(tenantId, id)),
          cipher.encrypt(webhookSecret, context(tenantId, id)), JSON.writeValueAsString(settings));
    });
    return new Created(channel, given == null || given.isBlank() ? Optional.of(webhookSecret) : Optional.empty());
  }

  public ChannelRecord update(UUID tenantId, UUID channelId, String name, Boolean active, String externalInstanceId,
      Map<String, String> credentials, Map<String, Object> settings) {
    if (settings != null) {
      urlPolicy.check(settings.get("apiBaseUrl"));
    }
    return tenancy.inTenant(tenantId, () -> {
      if (Boolean.TRUE.equals(active) && !channels.get(channelId).active()) {
        enforcePlanLimit();
      }
      String sealed = credentials == null ? null : cipher.encrypt(JSON.writeValueAsString(credentials),
          context(tenantId, channelId));
      return channels.update(channelId, new ChannelChanges(name, active, blankToNull(externalInstanceId), sealed,
          settings == null ? null : JSON.writeValueAsString(settings)));
    });
  }

  /** The names of the credentials stored for a channel (never their values). */
  public java.util.Set<String> credentialNames(ChannelRecord channel) {
    return decryptCredentials(channel).keySet();
  }

  /** Decrypted credentials, for the code that calls the vendor. */
  public Map<String, String> decryptCredentials(ChannelRecord channel) {
    if (channel.credentialsEncrypted() == null) {
      return Map.of();
    }
    String json = cipher.decrypt(channel.credentialsEncrypted(), context(channel.tenantId(), channel.id()));
    return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
  }

  public String decryptWebhookSecret(ChannelRecord channel) {
    return cipher.decrypt(channel.webhookSecretEncrypted(), context(channel.tenantId(), channel.id()));
  }

  public Map<String, Object> settings(ChannelRecord channel) {
    return JSON.readValue(channel.settingsJson(), new TypeReference<Map<String, Object>>() {});
  }

  private void enforcePlanLimit() {
    Plan plan = tenants.tenant().flatMap(t -> Plan.fromWireName(t.plan())).orElse(Plan.TRIAL);
    if (channels.countActive() >= plan.maxChannels()) {
      throw new PlanLimitException("the " + plan.wireName() + " plan includes " + plan.maxChannels()
          + " active channels; deactivate one or change plan");
    }
  }

  private String newSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String context(UUID tenantId, UUID channelId) {
    return "channel:" + tenantId + ":" + channelId;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
