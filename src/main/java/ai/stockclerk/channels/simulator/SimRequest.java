package ai.stockclerk.channels.simulator;

import ai.stockclerk.channels.support.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** A request to the simulator, as a dialect sees it. */
public record SimRequest(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body) {

  public SimRequest {
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
  }

  static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.putIfAbsent(key, value);
    }
    return query;
  }

  public Optional<String> queryParam(String name) {
    return Optional.ofNullable(query.get(name));
  }

  public int intParam(String name, int fallback) {
    try {
      return queryParam(name).map(String::trim).map(Integer::parseInt).orElse(fallback);
    } catch (NumberFormatException unreadable) {
      return fallback;
    }
  }

  /** The body as JSON; a body that is not JSON reads as an empty object (the dialect answers 400). */
  public JsonNode json() {
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      return node == null || node.isMissingNode() ? Json.object() : node;
    } catch (JacksonException notJson) {
      return Json.object();
    }
  }
}
