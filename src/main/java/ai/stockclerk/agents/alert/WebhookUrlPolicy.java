package ai.stockclerk.agents.alert;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * Decides whether a tenant's outgoing webhook URL may be called: a tenant-supplied URL is a
 * server-side request forgery hole. Without the operator's override only https URLs whose host
 * resolves to public addresses pass; the check runs when the URL is saved and again before each
 * send, since DNS answers can change in between.
 */
class WebhookUrlPolicy {

  static final int MAX_LENGTH = 2048;

  private final boolean allowPrivate;
  private final HostResolver resolver;

  WebhookUrlPolicy(boolean allowPrivate, HostResolver resolver) {
    this.allowPrivate = allowPrivate;
    this.resolver = resolver;
  }

  static WebhookUrlPolicy of(boolean allowPrivate) {
    return new WebhookUrlPolicy(allowPrivate, InetAddress::getAllByName);
  }

  URI check(String text) {
    URI uri = parse(text);
    if (allowPrivate) {
      return uri;
    }
    if (!"https".equals(uri.getScheme())) {
      throw new AlertInputException("the webhook URL must use https");
    }
    for (InetAddress address : resolve(uri.getHost())) {
      if (!isPublic(address)) {
        throw new AlertInputException("the webhook URL must not point at a private, loopback or local address");
      }
    }
    return uri;
  }

  private static URI parse(String text) {
    if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
      throw new AlertInputException("the webhook URL must be 1-" + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new AlertInputException("the webhook URL is not a valid URL");
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
        || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw new AlertInputException("the webhook URL must be an http(s) URL with a host and no user info");
    }
    return uri;
  }

  private InetAddress[] resolve(String host) {
    try {
      InetAddress[] addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
      if (addresses.length == 0) {
        throw new UnknownHostException();
      }
      return addresses;
    } catch (UnknownHostException e) {
      throw new AlertInputException("the webhook URL's host does not resolve");
    }
  }

  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      boolean thisNetwork = first == 0;
      boolean sharedCgnat = first == 100 && second >= 64 && second <= 127;
      boolean benchmarking = first == 198 && (second == 18 || second == 19);
      boolean reserved = first >= 240;
      return !(thisNetwork || sharedCgnat || benchmarking || reserved);
    }
    if (address instanceof Inet6Address) {
      boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
      boolean mappedOrCompatible = isEmbeddedIpv4(b);
      return !uniqueLocal && !mappedOrCompatible;
    }
    return false;
  }

  /** ::ffff:a.b.c.d and ::a.b.c.d carry an IPv4 address that would bypass the IPv4 rules. */
  private static boolean isEmbeddedIpv4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff);
  }

  /** Name resolution, replaceable in tests. */
  @FunctionalInterface
  interface HostResolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }
}
