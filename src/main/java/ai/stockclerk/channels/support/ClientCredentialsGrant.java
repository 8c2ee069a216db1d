package ai.stockclerk.channels.support;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.channels.ChannelException.Failure;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OAuth 2 client-credentials grant as vendors run it: form-encoded (RFC 6749, Uber Eats,
 * Deliveroo, Otter) or JSON (Wix). Reads {@code access_token} and {@code expires_in}; a token
 * without {@code expires_in} is assumed to last {@link #DEFAULT_LIFETIME}.
 */
public final class ClientCredentialsGrant implements TokenSource {

  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

  /** How the grant's fields travel. */
  public enum Encoding {
    FORM,
    JSON
  }

  private final VendorHttpClient http;
  private final Clock clock;
  private final Function<ChannelConnection, URI> tokenUri;
  private final Function<ChannelConnection, Map<String, String>> fields;
  private final Encoding encoding;

  /**
   * @param fields the grant's fields besides {@code grant_type}: client id and secret, scope,
   *     instance id... read from the connection's credentials
   */
  public ClientCredentialsGrant(
      VendorHttpClient http,
      Clock clock,
      Function<ChannelConnection, URI> tokenUri,
      Function<ChannelConnection, Map<String, String>> fields,
      Encoding encoding) {
    this.http = http;
    this.clock = clock;
    this.tokenUri = tokenUri;
    this.fields = fields;
    this.encoding = encoding;
  }

  @Override
  public AccessToken fetch(ChannelConnection connection) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("grant_type", "client_credentials");
    all.putAll(fields.apply(connection));
    VendorRequest request = encoding == Encoding.FORM
        ? VendorRequest.postForm(tokenUri.apply(connection), form(all))
        : VendorRequest.postJson(tokenUri.apply(connection), json(all));
    JsonNode answer = http.send(connection, request).json();
    String token = Json.text(answer, "access_token").filter(t -> !t.isBlank())
        .orElseThrow(() -> new ChannelException(
            "token endpoint answered without access_token", connection, Failure.AUTHENTICATION, null, null));
    Duration lifetime = Json.integer(answer, "expires_in").map(Duration::ofSeconds).orElse(DEFAULT_LIFETIME);
    return new AccessToken(token, clock.instant().plus(lifetime));
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> BaseUrls.encode(e.getKey()) + "=" + BaseUrls.encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String json(Map<String, String> fields) {
    ObjectNode node = Json.object();
    fields.forEach(node::put);
    return Json.write(node);
  }
}
