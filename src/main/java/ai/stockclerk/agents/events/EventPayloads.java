package ai.stockclerk.agents.events;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Builds the small JSON objects events carry. */
public final class EventPayloads {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private EventPayloads() {}

  /** {@code json("channelId", id, "items", 3)}: names and values alternate; nulls are kept. */
  public static String json(Object... namesAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1];
      map.put((String) namesAndValues[i], value instanceof java.util.UUID id ? id.toString() : value);
    }
    return JSON.writeValueAsString(map);
  }
}
