package ai.stockclerk.channels.deliveroo;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ConnectorLimits;
import ai.stockclerk.channels.support.BaseUrls;
import ai.stockclerk.channels.support.ClientCredentialsGrant;
import ai.stockclerk.channels.support.Json;
import ai.stockclerk.channels.support.OAuthTokenCache;
import ai.stockclerk.channels.support.VendorHttpClient;
import ai.stockclerk.channels.support.VendorRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Authenticated calls to Deliveroo's developer APIs for one site. Tokens are machine-to-machine
 * client-credentials tokens that live 300 s with no refresh token, so they get their own cache
 * renewing 30 s before expiry (the shared cache renews 5 min ahead, longer than a token lives).
 * With a base URL override (simulator, sandbox stub) the token endpoint is under it too.
 */
final class DeliverooApi {

  static final URI PRODUCTION = URI.create("https://api.developers.deliveroo.com");
  static final URI PRODUCTION_AUTH = URI.create("https://auth.developers.deliveroo.com");
  static final Duration TOKEN_RENEW_BEFORE = Duration.ofSeconds(30);
  /**
   * Item unavailabilities: 1 request per 100 ms per site; no documented maximum of items per
   * request, so 500 per call is our choice to keep a failed request (one unknown id fails it all)
   * cheap to split.
   */
  static final ConnectorLimits LIMITS = new ConnectorLimits(500, 1, Duration.ofMillis(100));

  private final VendorHttpClient http;
  private final OAuthTokenCache tokens;
  private final ClientCredentialsGrant grant;

  DeliverooApi(VendorHttpClient http, Clock clock) {
    this.http = http;
    this.tokens = new OAuthTokenCache(clock, TOKEN_RENEW_BEFORE);
    this.grant = new ClientCredentialsGrant(
        http, clock, c -> BaseUrls.join(c.apiBaseUrl().orElse(PRODUCTION_AUTH), "/oauth2/token"),
        c -> Map.of("client_id", c.credential("clientId"), "client_secret", c.credential("clientSecret")),
        ClientCredentialsGrant.Encoding.FORM);
  }

  JsonNode get(ChannelConnection connection, String path) {
    return call(connection, VendorRequest.get(uri(connection, path)));
  }

  JsonNode post(ChannelConnection connection, String path, JsonNode body) {
    return call(connection, VendorRequest.postJson(uri(connection, path), Json.write(body)));
  }

  static String sitePath(ChannelConnection connection) {
    return "/v2/brands/" + BaseUrls.encode(required(connection, "brandId"))
        + "/sites/" + BaseUrls.encode(required(connection, "siteId"));
  }

  static String required(ChannelConnection connection, String setting) {
    return connection.setting(setting).filter(s -> !s.isBlank()).orElseGet(() -> connection.credential(setting));
  }

  private JsonNode call(ChannelConnection connection, VendorRequest request) {
    return tokens.withToken("deliveroo:" + connection.channelId(), connection, grant,
        token -> {
          var response = http.send(connection, LIMITS, request.header("Authorization", "Bearer " + token));
          return response.body().length == 0 ? Json.object() : response.json();
        });
  }

  private static URI uri(ChannelConnection connection, String path) {
    return BaseUrls.join(BaseUrls.resolve(connection, PRODUCTION), path);
  }
}
