package ai.stockclerk.agents.alert;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Typed reads of an event payload; a missing or mistyped field is a {@link MalformedEventException}. */
final class EventFields {

  private EventFields() {}

  static UUID uuid(Map<String, Object> payload, String field) {
    Object value = payload.get(field);
    if (value instanceof UUID id) {
      return id;
    }
    if (value instanceof String text) {
      try {
        return UUID.fromString(text);
      } catch (IllegalArgumentException e) {
        throw new MalformedEventException("field '" + field + "' is not a UUID");
      }
    }
    throw new MalformedEventException("field '" + field + "' is missing or not a UUID");
  }

  static String text(Map<String, Object> payload, String field, String fallback) {
    Object value = payload.get(field);
    return value == null ? fallback : String.valueOf(value);
  }

  static String requiredText(Map<String, Object> payload, String field) {
    Object value = payload.get(field);
    if (value == null || String.valueOf(value).isBlank()) {
      throw new MalformedEventException("field '" + field + "' is missing");
    }
    return String.valueOf(value);
  }

  /** A whole number, or null when absent or not one. */
  static Integer integer(Map<String, Object> payload, String field) {
    Object value = payload.get(field);
    if (value instanceof Number number) {
      return number.intValue();
    }
    try {
      return value == null ? null : Integer.valueOf(String.valueOf(value));
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  static boolean flag(Map<String, Object> payload, String field) {
    Object value = payload.get(field);
    return value instanceof Boolean b ? b : "true".equals(String.valueOf(value));
  }

  static List<String> texts(Map<String, Object> payload, String field, int max) {
    Object value = payload.get(field);
    if (!(value instanceof Collection<?> items)) {
      return List.of();
    }
    return items.stream().filter(java.util.Objects::nonNull).map(String::valueOf).limit(max).toList();
  }

  /** An event whose payload lacks what its topic promises. */
  static final class MalformedEventException extends AlertInputException {
    MalformedEventException(String message) {
      super("malformed event: " + message);
    }
  }
}
