package ai.stockclerk.channels.eposnow;

import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRejectedException.Reason;
import ai.stockclerk.channels.WebhookRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Epos Now's beta webhooks have no documented payload. We read what the API itself returns for
 * stock ({@code ProductStock} records, V2 or V4 shape, alone or in an array) as absolute level
 * reports at the channel's location; any other body carries no stock fact we can trust and gives
 * no event (the Guardian's poll covers it). No event id or time is documented: the event id is
 * left empty (the inbox then keys on a hash of the raw body) and the time is when we received it.
 */
final class EposnowWebhookParser {

  private EposnowWebhookParser() {}

  static List<StockEvent> parse(WebhookRequest request, Optional<String> locationId) {
    JsonNode root = read(request.body());
    List<StockEvent> events = new ArrayList<>();
    Iterable<JsonNode> nodes = root.isArray() ? root : List.of(root);
    for (JsonNode node : nodes) {
      try {
        EposnowStockRecord.from(node)
            .filter(r -> r.atLocation(locationId))
            .ifPresent(r -> events.add(new StockEvent.LevelReport(r.productId(), toInt(r.level()), null, request.receivedAt())));
      } catch (ArithmeticException e) {
        throw new WebhookRejectedException(Reason.MALFORMED, "Epos Now stock level out of range");
      }
    }
    return events;
  }

  private static JsonNode read(byte[] body) {
    try {
      JsonNode root = EposnowJson.MAPPER.readTree(body);
      if (root != null && (root.isObject() || root.isArray())) {
        return root;
      }
    } catch (JacksonException e) {
      // typed rejection below
    }
    throw new WebhookRejectedException(Reason.MALFORMED, "Epos Now webhook body is not JSON");
  }

  private static int toInt(long level) {
    return Math.toIntExact(level);
  }
}
