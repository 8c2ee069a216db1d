package ai.stockclerk.channels;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything a connector needs to talk to one channel of one tenant: decrypted credentials, the
 * vendor's base URL (the vendor default unless an allowed override is set) and the channel's
 * settings. Never logged: {@link #toString()} leaves secrets out.
 */
public record ChannelConnection(
    UUID tenantId,
    UUID channelId,
    ChannelType type,
    Optional<URI> apiBaseUrl,
    Map<String, String> credentials,
    Map<String, Object> settings,
    String webhookSecret) {

  public ChannelConnection {
    credentials = Map.copyOf(credentials);
    settings = Map.copyOf(settings);
  }

  public String credential(String name) {
    String value = credentials.get(name);
    if (value == null || value.isBlank()) {
      throw new ChannelException(
          "missing credential '" + name + "'", this, ChannelException.Failure.AUTHENTICATION, null, null);
    }
    return value;
  }

  public Optional<String> setting(String name) {
    Object value = settings.get(name);
    return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
  }

  @Override
  public String toString() {
    return "ChannelConnection[tenant=" + tenantId + ", channel=" + channelId + ", type=" + type + "]";
  }
}
