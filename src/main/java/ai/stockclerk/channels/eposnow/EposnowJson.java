package ai.stockclerk.channels.eposnow;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Epos Now names fields in PascalCase but not consistently ({@code ProductId} / {@code ProductID}). */
final class EposnowJson {

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private EposnowJson() {}

  static JsonNode field(JsonNode node, String name) {
    if (node == null || !node.isObject()) {
      return null;
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** An integral number (or a number written as a string) that fits in a long; else null. */
  static Long whole(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (value == null) {
      return null;
    }
    if (value.isNumber()) {
      if (value.isIntegralNumber() && value.canConvertToLong()) {
        return value.longValue();
      }
      double d = value.doubleValue();
      return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15 ? (long) d : null;
    }
    if (value.isString()) {
      try {
        return Long.parseLong(value.stringValue().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** An id that Epos Now sends as a number; kept as its decimal text. */
  static String id(JsonNode node, String name) {
    Long value = whole(node, name);
    return value == null ? null : Long.toString(value);
  }
}
