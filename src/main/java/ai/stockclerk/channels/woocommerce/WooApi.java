package ai.stockclerk.channels.woocommerce;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ConnectorLimits;
import ai.stockclerk.channels.support.BaseUrls;
import ai.stockclerk.channels.support.Json;
import ai.stockclerk.channels.support.VendorHttpClient;
import ai.stockclerk.channels.support.VendorRequest;
import ai.stockclerk.channels.support.VendorResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * REST v3 calls to one store: HTTP Basic with the consumer key and secret (HTTPS stores; the
 * documented OAuth 1.0a signing for plain HTTP is not supported, so a store must use HTTPS), and
 * WordPress paging: {@code per_page} ≤ 100, page count in {@code X-WP-TotalPages}.
 */
final class WooApi {

  static final int PER_PAGE = 100;
  /** A guard against a store that reports pages forever. */
  static final int MAX_PAGES = 10_000;

  private final VendorHttpClient http;
  private final ConnectorLimits limits;

  WooApi(VendorHttpClient http, ConnectorLimits limits) {
    this.http = http;
    this.limits = limits;
  }

  /** Every element of every page of a list endpoint ({@code query} without paging). */
  List<JsonNode> getAllPages(ChannelConnection connection, String path, String query) {
    List<JsonNode> all = new ArrayList<>();
    int totalPages = 1;
    for (int page = 1; page <= totalPages && page <= MAX_PAGES; page++) {
      String paging = "per_page=" + PER_PAGE + "&page=" + page;
      VendorResponse response = get(connection, path + "?" + (query.isEmpty() ? paging : query + "&" + paging));
      JsonNode items = response.json();
      if (!items.isArray()) {
        throw new ai.stockclerk.channels.ChannelException("WooCommerce list answer is not an array", connection,
            ai.stockclerk.channels.ChannelException.Failure.RETRYABLE, null, null);
      }
      items.forEach(all::add);
      // Without the header (a cache stripped it), keep going while pages come back full.
      int next = items.size() >= PER_PAGE ? page + 1 : page;
      totalPages = response.header("X-WP-TotalPages").map(WooApi::toInt).orElse(next);
      if (items.isEmpty()) {
        break;
      }
    }
    return all;
  }

  VendorResponse get(ChannelConnection connection, String pathAndQuery) {
    return http.send(connection, limits, authorised(connection, VendorRequest.get(url(connection, pathAndQuery))));
  }

  JsonNode post(ChannelConnection connection, String path, JsonNode body) {
    VendorRequest request = VendorRequest.postJson(url(connection, path), Json.write(body));
    return http.send(connection, limits, authorised(connection, request)).json();
  }

  static URI base(ChannelConnection connection) {
    return connection.apiBaseUrl().orElseGet(() -> BaseUrls.parseSetting(connection,
        connection.setting("siteUrl").orElseGet(() -> connection.credential("siteUrl")), "siteUrl"));
  }

  private static URI url(ChannelConnection connection, String pathAndQuery) {
    return BaseUrls.join(base(connection), "/wp-json/wc/v3" + pathAndQuery);
  }

  private static VendorRequest authorised(ChannelConnection connection, VendorRequest request) {
    String pair = connection.credential("consumerKey") + ":" + connection.credential("consumerSecret");
    return request.header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
  }

  private static int toInt(String value) {
    try {
      return Math.max(1, Integer.parseInt(value.trim()));
    } catch (NumberFormatException unreadable) {
      return 1;
    }
  }
}
