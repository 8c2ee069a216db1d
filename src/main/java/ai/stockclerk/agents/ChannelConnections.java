package ai.stockclerk.agents;

import ai.stockclerk.channels.ApiBaseUrlPolicy;
import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.store.ChannelRecord;
import ai.stockclerk.tenants.ChannelSetup;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Builds what a connector needs to talk to one channel: decrypted secrets and the allowed base URL.
 * Decrypting and parsing cost more than the rest of a webhook's handling, so the last connection
 * built for each channel is kept and reused while the stored secrets and settings it came from are
 * unchanged (compared as stored, so any edit or key rotation builds a new one).
 */
@Component
public class ChannelConnections {

  static final int MAX_CACHED = 100_000;

  private record Source(UUID tenantId, String type, String credentials, String webhookSecret, String settings) {
    static Source of(ChannelRecord channel) {
      return new Source(channel.tenantId(), channel.type(), channel.credentialsEncrypted(),
          channel.webhookSecretEncrypted(), channel.settingsJson());
    }
  }

  private record Built(Source source, ChannelConnection connection) {}

  private final ChannelSetup setup;
  private final ApiBaseUrlPolicy urlPolicy;
  private final Map<UUID, Built> built = new ConcurrentHashMap<>();

  ChannelConnections(ChannelSetup setup, ApiBaseUrlPolicy urlPolicy) {
    this.setup = setup;
    this.urlPolicy = urlPolicy;
  }

  public ChannelConnection of(ChannelRecord channel) {
    Source source = Source.of(channel);
    Built cached = built.get(channel.id());
    if (cached != null && cached.source().equals(source)) {
      return cached.connection();
    }
    ChannelConnection connection = build(channel);
    if (built.size() >= MAX_CACHED) {
      built.clear();
    }
    built.put(channel.id(), new Built(source, connection));
    return connection;
  }

  private ChannelConnection build(ChannelRecord channel) {
    ChannelType type = ChannelType.fromWireName(channel.type()).orElseThrow();
    Map<String, Object> settings = setup.settings(channel);
    return new ChannelConnection(channel.tenantId(), channel.id(), type, urlPolicy.check(settings.get("apiBaseUrl")),
        setup.decryptCredentials(channel), withoutNulls(settings), setup.decryptWebhookSecret(channel));
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> settings) {
    return settings.entrySet().stream().filter(e -> e.getValue() != null)
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
  }

  static ChannelType typeOf(ChannelRecord channel) {
    return ChannelType.fromWireName(Objects.requireNonNull(channel.type())).orElseThrow();
  }
}
