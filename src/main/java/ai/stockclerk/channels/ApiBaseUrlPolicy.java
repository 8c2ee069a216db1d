package ai.stockclerk.channels;

import ai.stockclerk.StockClerkException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Decides whether a channel's {@code settings.apiBaseUrl} may be called. Without the operator's
 * override switch only HTTPS URLs on allow-listed hosts pass ({@code *.example.com} allows
 * sub-domains); URLs with user info, fragments or other schemes never pass.
 */
@Component
public class ApiBaseUrlPolicy {

  private final ChannelsProperties properties;

  public ApiBaseUrlPolicy(ChannelsProperties properties) {
    this.properties = properties;
  }

  /** The URL to call, or empty when none is set; throws when it is not allowed. */
  public Optional<URI> check(Object configured) {
    if (configured == null || configured.toString().isBlank()) {
      return Optional.empty();
    }
    URI uri = parse(configured.toString().trim());
    if (properties.allowApiBaseUrlOverride()) {
      return Optional.of(uri);
    }
    if (!"https".equals(uri.getScheme())) {
      throw new DisallowedUrlException("apiBaseUrl must use https");
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (properties.allowedApiHosts().stream().noneMatch(allowed -> matches(host, allowed))) {
      throw new DisallowedUrlException("apiBaseUrl host is not on the operator's allow-list");
    }
    return Optional.of(uri);
  }

  private static URI parse(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new DisallowedUrlException("apiBaseUrl is not a valid URL");
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
        || uri.getRawUserInfo() != null || uri.getRawFragment() != null || uri.getRawQuery() != null) {
      throw new DisallowedUrlException("apiBaseUrl must be a plain http(s) URL with a host");
    }
    return uri;
  }

  private static boolean matches(String host, String allowed) {
    String rule = allowed.trim().toLowerCase(Locale.ROOT);
    if (rule.startsWith("*.")) {
      return host.endsWith(rule.substring(1)) && host.length() > rule.length() - 1;
    }
    return host.equals(rule);
  }

  /** A base URL the operator has not allowed. */
  public static class DisallowedUrlException extends StockClerkException {
    public DisallowedUrlException(String message) {
      super(message);
    }
  }
}
