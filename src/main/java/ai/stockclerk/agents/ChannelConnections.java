package ai.stockclerk.agents;

import ai.stockclerk.channels.ApiBaseUrlPolicy;
import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.store.ChannelRecord;
import ai.stockclerk.tenants.ChannelSetup;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Builds what a connector needs to talk to one channel: decrypted secrets and the allowed base URL. */
@Component
public class ChannelConnections {

  private final ChannelSetup setup;
  private final ApiBaseUrlPolicy urlPolicy;

  ChannelConnections(ChannelSetup setup, ApiBaseUrlPolicy urlPolicy) {
    this.setup = setup;
    this.urlPolicy = urlPolicy;
  }

  public ChannelConnection of(ChannelRecord channel) {
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
