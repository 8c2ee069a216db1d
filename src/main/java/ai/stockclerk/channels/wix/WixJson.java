package ai.stockclerk.channels.wix;

import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tolerant reading of Wix JSON: anything unreadable becomes a typed MALFORMED rejection. */
final class WixJson {

  static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final long MAX_EPOCH_SECONDS = 253_402_300_799L; // 9999-12-31

  private WixJson() {}

  static JsonNode tree(byte[] json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || !node.isObject()) {
        throw new WebhookRejectedException(Reason.MALFORMED, "Wix webhook JSON is not an object");
      }
      return node;
    } catch (JacksonException e) {
      throw new WebhookRejectedException(Reason.MALFORMED, "Wix webhook JSON is unreadable");
    }
  }

  /** A field that Wix sends either as stringified JSON (the documented envelope) or as an object. */
  static JsonNode nested(JsonNode parent, String field) {
    JsonNode value = parent.get(field);
    if (value != null && value.isString()) {
      return tree(value.stringValue().getBytes(StandardCharsets.UTF_8));
    }
    if (value != null && value.isObject()) {
      return value;
    }
    throw new WebhookRejectedException(Reason.MALFORMED, "Wix webhook lacks '" + field + "'");
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
  }

  static Long epochSeconds(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()
        || value.longValue() < 0 || value.longValue() > MAX_EPOCH_SECONDS) {
      throw new WebhookRejectedException(Reason.MALFORMED, "Wix webhook claim '" + field + "' is not a time");
    }
    return value.longValue();
  }

  static Instant instant(JsonNode node, String field, Instant fallback) {
    String text = text(node, field);
    if (text == null) {
      return fallback;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      throw new WebhookRejectedException(Reason.MALFORMED, "Wix webhook field '" + field + "' is not a time");
    }
  }
}
