package ai.stockclerk.agents.alert;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSON for alert metadata and notification bodies. */
final class AlertJson {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private AlertJson() {}

  static String write(Object value) {
    return JSON.writeValueAsString(value);
  }

  static Map<String, Object> readMap(String json) {
    if (json == null || json.isBlank()) {
      return new LinkedHashMap<>();
    }
    try {
      return JSON.readValue(json, MAP);
    } catch (JacksonException e) {
      return new LinkedHashMap<>();
    }
  }
}
