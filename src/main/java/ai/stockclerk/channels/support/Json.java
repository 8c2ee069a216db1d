package ai.stockclerk.channels.support;

import ai.stockclerk.channels.ChannelException.Failure;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the connectors, and typed reading of vendor answers. */
public final class Json {

  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  /**
   * Parses a 2xx answer. An HTML page (a proxy's or the shop's error page served with 200) or
   * broken JSON is retryable: it is usually a transient fault in front of the vendor.
   */
  static JsonNode readResponse(VendorResponse response) {
    String contentType = response.header("Content-Type").orElse("");
    try {
      JsonNode node = MAPPER.readTree(response.body());
      if (node == null || node.isMissingNode()) {
        throw malformed(response, "an empty body");
      }
      return node;
    } catch (JacksonException notJson) {
      String what = contentType.contains("html") ? "an HTML page" : "malformed JSON";
      throw malformed(response, what);
    }
  }

  private static VendorCallException malformed(VendorResponse response, String what) {
    return new VendorCallException(
        "vendor answered " + response.request() + " with " + what + " (status " + response.status() + ")",
        response.connection(), Failure.RETRYABLE, response.status(), null, null);
  }

  /** Parses an error body to find the vendor's error code, if it is JSON at all. */
  static Optional<JsonNode> tryParse(byte[] body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    } catch (JacksonException notJson) {
      return Optional.empty();
    }
  }

  /** A text field, or empty when absent, null or not text. */
  public static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isString()) {
      return Optional.of(value.stringValue());
    }
    return value.isNumber() ? Optional.of(value.asString()) : Optional.empty();
  }

  /** An integer field (JSON number, or a string of digits as some vendors send), else empty. */
  public static Optional<Integer> integer(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      return Optional.of(value.intValue());
    }
    if (value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToInt()) {
      return Optional.of(value.asInt());
    }
    if (value.isString()) {
      try {
        return Optional.of(Integer.parseInt(value.stringValue().trim()));
      } catch (NumberFormatException notNumber) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
