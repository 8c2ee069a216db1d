package ai.stockclerk.channels.ubereats;

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
 * Authenticated calls to the Uber Eats Marketplace APIs. Client-credentials tokens (form-encoded at
 * {@code auth.uber.com/oauth/v2/token}, 30 days) are cached per client id, not per store: the token
 * endpoint allows 100 requests an hour and minting more can invalidate the oldest tokens.
 */
final class UberEatsApi {

  static final URI PRODUCTION = URI.create("https://api.uber.com");
  static final URI PRODUCTION_AUTH = URI.create("https://auth.uber.com");
  static final String DEFAULT_SCOPE = "eats.store eats.order";
  /**
   * One item per Update Item call (documented). Uber publishes no per-endpoint limit
   * (UNCONFIRMED): 60 requests a minute per store is our conservative default; 429 + Retry-After
   * adjust it at run time.
   */
  static final ConnectorLimits LIMITS = new ConnectorLimits(1, 60, Duration.ofMinutes(1));

  private final VendorHttpClient http;
  private final OAuthTokenCache tokens;
  private final ClientCredentialsGrant grant;

  UberEatsApi(VendorHttpClient http, OAuthTokenCache tokens, Clock clock) {
    this.http = http;
    this.tokens = tokens;
    this.grant = new ClientCredentialsGrant(
        http, clock, UberEatsApi::tokenUri,
        c -> Map.of(
            "client_id", c.credential(UberEatsCredentials.CLIENT_ID),
            "client_secret", c.credential(UberEatsCredentials.CLIENT_SECRET),
            "scope", c.setting("scope").filter(s -> !s.isBlank()).orElse(DEFAULT_SCOPE)),
        ClientCredentialsGrant.Encoding.FORM);
  }

  JsonNode get(ChannelConnection connection, String path) {
    return call(connection, VendorRequest.get(uri(connection, path)));
  }

  JsonNode post(ChannelConnection connection, String path, JsonNode body) {
    return call(connection, VendorRequest.postJson(uri(connection, path), Json.write(body)));
  }

  static String storePath(ChannelConnection connection) {
    String store = connection.setting(UberEatsCredentials.STORE_ID).filter(s -> !s.isBlank())
        .orElseGet(() -> connection.credential(UberEatsCredentials.STORE_ID));
    return "/v2/eats/stores/" + BaseUrls.encode(store);
  }

  private JsonNode call(ChannelConnection connection, VendorRequest request) {
    String key = "ubereats:" + connection.credential(UberEatsCredentials.CLIENT_ID) + "@" + tokenUri(connection);
    return tokens.withToken(key, connection, grant, token -> {
      var response = http.send(connection, LIMITS, request.header("Authorization", "Bearer " + token));
      return response.body().length == 0 ? Json.object() : response.json();
    });
  }

  private static URI tokenUri(ChannelConnection connection) {
    return BaseUrls.join(connection.apiBaseUrl().orElse(PRODUCTION_AUTH), "/oauth/v2/token");
  }

  private static URI uri(ChannelConnection connection, String path) {
    return BaseUrls.join(BaseUrls.resolve(connection, PRODUCTION), path);
  }
}
