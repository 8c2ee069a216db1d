package ai.stockclerk.channels.otter;

import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRejectedException.Reason;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading Otter JSON so that anything unreadable becomes a typed MALFORMED rejection. */
final class OtterJson {

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private OtterJson() {}

  static JsonNode object(byte[] body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (JacksonException e) {
      // typed rejection below
    }
    throw new WebhookRejectedException(Reason.MALFORMED, "Otter webhook body is not a JSON object");
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
  }

  static Instant instant(JsonNode node, String field, Instant fallback) {
    String text = text(node, field);
    if (text == null) {
      return fallback;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      throw new WebhookRejectedException(Reason.MALFORMED, "Otter webhook '" + field + "' is not a time");
    }
  }
}
