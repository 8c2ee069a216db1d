package ai.stockclerk.channels.otter;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.channels.ChannelException.Failure;
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
 * Authenticated calls to Otter's public API for one store. Otter hands each partner its API host,
 * so there is no default: the channel's {@code apiBaseUrl} must be set. Tokens come from the
 * client-credentials grant at {@code /v1/auth/token} (form-encoded, about 30 days) and are cached
 * per application; every call names the store with {@code X-Store-Id} (our id for the store).
 */
final class OtterApi {

  static final String DEFAULT_SCOPE = "menus.read manager.menus";
  /**
   * Suspend/unsuspend allow 16 requests a minute per (application, store); no maximum of entity
   * ids per call is documented, so 100 is our choice.
   */
  static final ConnectorLimits LIMITS = new ConnectorLimits(100, 16, Duration.ofMinutes(1));

  private final VendorHttpClient http;
  private final OAuthTokenCache tokens;
  private final ClientCredentialsGrant grant;

  OtterApi(VendorHttpClient http, OAuthTokenCache tokens, Clock clock) {
    this.http = http;
    this.tokens = tokens;
    this.grant = new ClientCredentialsGrant(
        http, clock, c -> BaseUrls.join(base(c), "/v1/auth/token"),
        c -> Map.of(
            "client_id", c.credential("clientId"),
            "client_secret", c.credential("clientSecret"),
            "scope", c.setting("scope").filter(s -> !s.isBlank()).orElse(DEFAULT_SCOPE)),
        ClientCredentialsGrant.Encoding.FORM);
  }

  JsonNode get(ChannelConnection connection, String path) {
    return call(connection, VendorRequest.get(BaseUrls.join(base(connection), path)));
  }

  JsonNode post(ChannelConnection connection, String path, JsonNode body) {
    return call(connection, VendorRequest.postJson(BaseUrls.join(base(connection), path), Json.write(body)));
  }

  private JsonNode call(ChannelConnection connection, VendorRequest request) {
    String key = "otter:" + connection.credential("clientId") + "@" + base(connection);
    String store = connection.setting("storeId").filter(s -> !s.isBlank()).orElseGet(() -> connection.credential("storeId"));
    return tokens.withToken(key, connection, grant, token -> {
      var response = http.send(connection, LIMITS,
          request.header("Authorization", "Bearer " + token).header("X-Store-Id", store));
      return response.body().length == 0 ? Json.object() : response.json();
    });
  }

  static URI base(ChannelConnection connection) {
    return connection.apiBaseUrl().orElseThrow(() -> new ChannelException(
        "Otter API host is not configured (Otter provisions it per partner)", connection, Failure.AUTHENTICATION, null, null));
  }
}
