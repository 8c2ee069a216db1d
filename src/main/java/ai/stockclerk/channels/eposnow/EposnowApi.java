package ai.stockclerk.channels.eposnow;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.channels.ChannelException.Failure;
import ai.stockclerk.channels.ConnectorLimits;
import ai.stockclerk.channels.support.BaseUrls;
import ai.stockclerk.channels.support.Json;
import ai.stockclerk.channels.support.VendorCallException;
import ai.stockclerk.channels.support.VendorHttpClient;
import ai.stockclerk.channels.support.VendorRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Calls to the Epos Now API: HTTP Basic with the API device's key and secret on every request (no
 * token exchange). Lists are bare JSON arrays paged with {@code ?page=N} (from 1, up to 200 rows):
 * a short or empty page is the last. Epos Now uses 403 for an exhausted API allowance ("maximum
 * API limit"), so a 403 is read as "wait", not as refused credentials (401).
 */
final class EposnowApi {

  static final URI PRODUCTION = URI.create("https://api.eposnowhq.com");
  static final int PAGE_SIZE = 200;
  static final int MAX_PAGES = 10_000;
  static final Duration ALLOWANCE_WAIT = Duration.ofMinutes(15);
  /**
   * No batch write exists (one PUT per stock record) and no rate is published: the allowance is
   * set per account in the Back Office. 60 requests a minute is our conservative default.
   */
  static final ConnectorLimits LIMITS = new ConnectorLimits(1, 60, Duration.ofMinutes(1));

  private final VendorHttpClient http;

  EposnowApi(VendorHttpClient http) {
    this.http = http;
  }

  /** Every row of a paged list, stopping early once {@code enough} says so. */
  List<JsonNode> pages(ChannelConnection connection, String path, Predicate<List<JsonNode>> enough) {
    List<JsonNode> rows = new ArrayList<>();
    for (int page = 1; page <= MAX_PAGES; page++) {
      JsonNode answer = call(connection, VendorRequest.get(uri(connection, path + "?page=" + page)));
      if (!answer.isArray()) {
        throw new ChannelException("Epos Now answered " + path + " with something other than a list",
            connection, Failure.RETRYABLE, null, null);
      }
      answer.forEach(rows::add);
      if (answer.size() < PAGE_SIZE || enough.test(rows)) {
        return rows;
      }
    }
    throw new ChannelException("Epos Now paging did not end", connection, Failure.RETRYABLE, null, null);
  }

  void put(ChannelConnection connection, String path, JsonNode body) {
    call(connection, VendorRequest.putJson(uri(connection, path), Json.write(body)));
  }

  JsonNode get(ChannelConnection connection, String path) {
    return call(connection, VendorRequest.get(uri(connection, path)));
  }

  private JsonNode call(ChannelConnection connection, VendorRequest request) {
    try {
      var response = http.send(connection, LIMITS, request.header("Authorization", basic(connection)));
      return response.body().length == 0 ? Json.object() : response.json();
    } catch (VendorCallException e) {
      if (e.httpStatus().orElse(0) == 403) {
        throw new ChannelException("Epos Now refused the call with 403 (its answer to an exhausted API allowance)",
            connection, Failure.RETRYABLE, e.retryAfter().orElse(ALLOWANCE_WAIT), null);
      }
      throw e;
    }
  }

  private static String basic(ChannelConnection connection) {
    String pair = connection.credential("apiKey") + ":" + connection.credential("apiSecret");
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static URI uri(ChannelConnection connection, String path) {
    return BaseUrls.join(BaseUrls.resolve(connection, PRODUCTION), path);
  }
}
