package ai.stockclerk.channels.square;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ConnectorLimits;
import ai.stockclerk.channels.support.BaseUrls;
import ai.stockclerk.channels.support.Json;
import ai.stockclerk.channels.support.VendorHttpClient;
import ai.stockclerk.channels.support.VendorRequest;
import java.net.URI;
import tools.jackson.databind.JsonNode;

/** Square's REST API: Bearer token and a pinned {@code Square-Version} on every call. */
final class SquareApi {

  static final URI PRODUCTION = URI.create("https://connect.squareup.com");
  static final String VERSION = "2025-10-16";

  private final VendorHttpClient http;
  private final ConnectorLimits limits;

  SquareApi(VendorHttpClient http, ConnectorLimits limits) {
    this.http = http;
    this.limits = limits;
  }

  JsonNode get(ChannelConnection connection, String pathAndQuery) {
    return http.send(connection, limits, authorised(connection, VendorRequest.get(url(connection, pathAndQuery)))).json();
  }

  JsonNode post(ChannelConnection connection, String path, JsonNode body) {
    VendorRequest request = VendorRequest.postJson(url(connection, path), Json.write(body));
    return http.send(connection, limits, authorised(connection, request)).json();
  }

  private static URI url(ChannelConnection connection, String pathAndQuery) {
    return BaseUrls.join(BaseUrls.resolve(connection, PRODUCTION), pathAndQuery);
  }

  private static VendorRequest authorised(ChannelConnection connection, VendorRequest request) {
    return request.header("Authorization", "Bearer " + connection.credential("accessToken"))
        .header("Square-Version", VERSION);
  }
}
