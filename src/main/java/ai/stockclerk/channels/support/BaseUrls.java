package ai.stockclerk.channels.support;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.channels.ChannelException.Failure;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where a connection's API lives, and building URLs under it without losing its path. */
public final class BaseUrls {

  private BaseUrls() {}

  /** The connection's override (a simulator, a sandbox) or else the vendor's address. */
  public static URI resolve(ChannelConnection connection, URI vendorDefault) {
    return connection.apiBaseUrl().orElse(vendorDefault);
  }

  /** {@code base} + {@code path} (path starting with '/'), keeping any path the base has. */
  public static URI join(URI base, String path) {
    String text = base.toString();
    String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    return URI.create(trimmed + path);
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A base URL built from a tenant-entered value (shop domain, site URL) that is not a URL. */
  public static URI parseSetting(ChannelConnection connection, String value, String what) {
    try {
      URI uri = URI.create(value.trim());
      if (uri.getScheme() == null || uri.getHost() == null
          || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
      return uri;
    } catch (IllegalArgumentException bad) {
      throw new ChannelException(what + " is not a valid URL", connection, Failure.AUTHENTICATION, null, null);
    }
  }
}
