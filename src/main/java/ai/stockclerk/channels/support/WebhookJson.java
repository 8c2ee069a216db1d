package ai.stockclerk.channels.support;

import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRejectedException.Reason;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads webhook bodies; anything unexpected becomes a MALFORMED rejection, never another exception. */
public final class WebhookJson {

  private WebhookJson() {}

  public static JsonNode parseObject(byte[] body) throws WebhookRejectedException {
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw malformed("body is not a JSON object");
      }
      return node;
    } catch (JacksonException notJson) {
      throw malformed("body is not valid JSON");
    }
  }

  /**
   * Like {@link #parseObject(byte[])}, for parsers that report any unreadable body with one
   * message naming the vendor.
   */
  public static JsonNode parseVendorObject(byte[] body, String vendor) throws WebhookRejectedException {
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (JacksonException e) {
      // typed rejection below
    }
    throw malformed(vendor + " webhook body is not a JSON object");
  }

  /** A JSON string that is not blank, or null: absent, null, blank and non-string fields alike. */
  public static String nonBlankStringOrNull(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
  }

  public static String requiredText(JsonNode node, String field) throws WebhookRejectedException {
    return Json.text(node, field).filter(s -> !s.isBlank())
        .orElseThrow(() -> malformed("missing '" + field + "'"));
  }

  public static int requiredInt(JsonNode node, String field) throws WebhookRejectedException {
    return Json.integer(node, field).orElseThrow(() -> malformed("missing or non-integer '" + field + "'"));
  }

  public static JsonNode requiredObject(JsonNode node, String field) throws WebhookRejectedException {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || !value.isObject()) {
      throw malformed("missing object '" + field + "'");
    }
    return value;
  }

  public static JsonNode requiredArray(JsonNode node, String field) throws WebhookRejectedException {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || !value.isArray()) {
      throw malformed("missing array '" + field + "'");
    }
    return value;
  }

  /** An ISO-8601 time with offset (vendors send offsets; we keep UTC instants). */
  public static Instant requiredTime(JsonNode node, String field) throws WebhookRejectedException {
    String text = requiredText(node, field);
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException unreadable) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException alsoUnreadable) {
        throw malformed("unreadable time in '" + field + "'");
      }
    }
  }

  public static WebhookRejectedException malformed(String why) {
    return new WebhookRejectedException(Reason.MALFORMED, why);
  }

  public static WebhookRejectedException badSignature(String why) {
    return new WebhookRejectedException(Reason.SIGNATURE, why);
  }
}
