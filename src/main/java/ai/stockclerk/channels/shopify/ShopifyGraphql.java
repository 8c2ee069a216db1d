package ai.stockclerk.channels.shopify;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.channels.ChannelException.Failure;
import ai.stockclerk.channels.ConnectorLimits;
import ai.stockclerk.channels.support.BaseUrls;
import ai.stockclerk.channels.support.Json;
import ai.stockclerk.channels.support.VendorHttpClient;
import ai.stockclerk.channels.support.VendorRequest;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends GraphQL documents to one shop. Shopify answers a spent cost bucket with HTTP 200 and a
 * {@code THROTTLED} error (and sometimes 429): both pause the channel's budget for as long as the
 * reported restore rate needs, then the call is tried again.
 */
final class ShopifyGraphql {

  static final int MAX_THROTTLED_ATTEMPTS = 3;
  private static final Pattern SHOP_DOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]*\\.myshopify\\.com");

  private final VendorHttpClient http;
  private final ConnectorLimits limits;

  ShopifyGraphql(VendorHttpClient http, ConnectorLimits limits) {
    this.http = http;
    this.limits = limits;
  }

  JsonNode query(ChannelConnection connection, String document, ObjectNode variables) {
    ObjectNode body = Json.object();
    body.put("query", document);
    body.set("variables", variables);
    VendorRequest request = VendorRequest.postJson(endpoint(connection), Json.write(body))
        .header("X-Shopify-Access-Token", connection.credential("accessToken"));
    for (int attempt = 1; ; attempt++) {
      JsonNode answer = http.send(connection, limits, request).json();
      ShopifyCost cost = ShopifyCost.of(answer);
      cost.remainingRequests().ifPresent(left -> http.budget().observeRemaining(connection.channelId(), limits, left));
      String errorCode = firstErrorCode(answer);
      if (errorCode == null) {
        return answer.path("data");
      }
      if (!"THROTTLED".equals(errorCode) || attempt >= MAX_THROTTLED_ATTEMPTS) {
        throw failure(connection, errorCode, cost.waitForNextQuery());
      }
      http.budget().pause(connection.channelId(), limits, cost.waitForNextQuery());
    }
  }

  /** The shop's Admin API endpoint: the override (simulator) or the shop's own myshopify host. */
  static URI endpoint(ChannelConnection connection) {
    URI base = connection.apiBaseUrl().orElseGet(() -> shopHost(connection));
    return BaseUrls.join(base, "/admin/api/" + ShopifyConnector.API_VERSION + "/graphql.json");
  }

  /** Only a real myshopify.com name is accepted: the original let any host receive the token. */
  private static URI shopHost(ChannelConnection connection) {
    String shop = connection.credential("shopDomain").trim().toLowerCase(java.util.Locale.ROOT);
    if (!SHOP_DOMAIN.matcher(shop).matches()) {
      throw new ChannelException("shopDomain must be a *.myshopify.com name", connection,
          Failure.AUTHENTICATION, null, null);
    }
    return URI.create("https://" + shop);
  }

  private static String firstErrorCode(JsonNode answer) {
    JsonNode errors = answer.path("errors");
    if (errors.isMissingNode() || errors.isNull() || (errors.isArray() && errors.isEmpty())) {
      return null;
    }
    JsonNode first = errors.isArray() ? errors.get(0) : errors;
    return Json.text(first.path("extensions"), "code").orElse("GRAPHQL_ERROR");
  }

  private static ChannelException failure(ChannelConnection connection, String code, Duration wait) {
    Failure failure = switch (code) {
      case "THROTTLED", "INTERNAL_SERVER_ERROR" -> Failure.RETRYABLE;
      case "ACCESS_DENIED", "UNAUTHORIZED", "FORBIDDEN" -> Failure.AUTHENTICATION;
      default -> Failure.ITEM_PERMANENT;
    };
    String safeCode = code.matches("[A-Z_]{1,40}") ? code : "GRAPHQL_ERROR";
    return new ChannelException("Shopify GraphQL error " + safeCode, connection, failure,
        failure == Failure.RETRYABLE ? wait : null, null);
  }
}
