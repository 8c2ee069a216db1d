package ai.stockclerk.channels.wix;

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
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Authenticated calls to the Wix REST API for one site (app instance). Tokens come from the
 * client-credentials grant at {@code /oauth2/token} (JSON body with {@code instance_id}, 4 h
 * lifetime, no refresh token) and are cached per channel. Wix's examples send the token bare in
 * {@code Authorization} (no "Bearer" prefix); we do the same.
 */
final class WixApi {

  static final URI PRODUCTION = URI.create("https://www.wixapis.com");
  /** 200 requests per minute per app instance (Wix rate limits page). */
  static final ConnectorLimits LIMITS = new ConnectorLimits(1_000, 200, Duration.ofMinutes(1));

  private final VendorHttpClient http;
  private final OAuthTokenCache tokens;
  private final ClientCredentialsGrant grant;

  WixApi(VendorHttpClient http, OAuthTokenCache tokens, Clock clock) {
    this.http = http;
    this.tokens = tokens;
    this.grant =
        new ClientCredentialsGrant(
            http, clock, c -> BaseUrls.join(base(c), "/oauth2/token"), WixApi::grantFields,
            ClientCredentialsGrant.Encoding.JSON);
  }

  JsonNode post(ChannelConnection connection, String path, JsonNode body) {
    return call(connection, VendorRequest.postJson(BaseUrls.join(base(connection), path), Json.write(body)));
  }

  JsonNode get(ChannelConnection connection, String path) {
    return call(connection, VendorRequest.get(BaseUrls.join(base(connection), path)));
  }

  private JsonNode call(ChannelConnection connection, VendorRequest request) {
    return tokens.withToken(
        "wix:" + connection.channelId(), connection, grant,
        token -> http.send(connection, LIMITS, request.header("Authorization", token)).json());
  }

  private static URI base(ChannelConnection connection) {
    return BaseUrls.resolve(connection, PRODUCTION);
  }

  private static Map<String, String> grantFields(ChannelConnection connection) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("client_id", connection.credential("appId"));
    fields.put("client_secret", connection.credential("appSecret"));
    fields.put("instance_id", instanceId(connection));
    return fields;
  }

  static String instanceId(ChannelConnection connection) {
    return connection.setting("instanceId")
        .filter(s -> !s.isBlank())
        .orElseGet(() -> connection.credential("instanceId"));
  }
}
