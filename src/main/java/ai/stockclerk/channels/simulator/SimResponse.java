package ai.stockclerk.channels.simulator;

import ai.stockclerk.channels.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What the simulator answers. */
public record SimResponse(int status, Map<String, String> headers, byte[] body) {

  public SimResponse {
    headers = Map.copyOf(headers);
  }

  public static SimResponse json(int status, JsonNode body) {
    return json(status, body, Map.of());
  }

  public static SimResponse json(int status, JsonNode body, Map<String, String> headers) {
    java.util.Map<String, String> all = new java.util.LinkedHashMap<>(headers);
    all.put("Content-Type", "application/json; charset=utf-8");
    return new SimResponse(status, all, Json.write(body).getBytes(StandardCharsets.UTF_8));
  }

  public static SimResponse empty(int status) {
    return new SimResponse(status, Map.of(), new byte[0]);
  }
}
