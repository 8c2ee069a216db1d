package ai.stockclerk.channels;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether a tenant may point a channel at its own API base URL. Off by default: a tenant-supplied
 * URL is a server-side request forgery hole. The embedded demo and the tests turn overrides on to
 * reach in-process simulators; production lists the vendor hosts it trusts instead.
 */
@ConfigurationProperties("stockclerk.channels")
public record ChannelsProperties(boolean allowApiBaseUrlOverride, List<String> allowedApiHosts) {
  public ChannelsProperties {
    allowedApiHosts = allowedApiHosts == null ? List.of() : List.copyOf(allowedApiHosts);
  }
}
