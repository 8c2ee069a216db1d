package ai.stockclerk.channels.wix;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.LevelUpdate;
import ai.stockclerk.channels.PushResult;
import ai.stockclerk.channels.support.Batches;
import ai.stockclerk.channels.support.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Absolute levels through {@code POST /stores/v3/bulk/inventory-items/update}, at most 1,000 items
 * a call. Wix requires each item's current {@code revision} (a stale one fails the item), so each
 * batch is read first; that read also gives the compare-and-set: when the caller says which level
 * it expects and Wix shows another, the item is refused as stale rather than overwriting a sale we
 * have not heard of yet. Items Wix fails for a reason a retry may fix (a revision that moved
 * between our read and write) are neither acknowledged nor rejected, so they stay due.
 */
final class WixBulkUpdate {

  static final String PATH = "/stores/v3/bulk/inventory-items/update";
  static final String STALE = "stale: the channel shows another level than expected";

  private WixBulkUpdate() {}

  static PushResult run(WixApi api, ChannelConnection connection, List<LevelUpdate> updates) {
    List<String> acknowledged = new ArrayList<>();
    Map<String, String> rejected = new LinkedHashMap<>();
    for (List<LevelUpdate> batch : Batches.split(updates, WixApi.LIMITS.maxBatchSize())) {
      Map<String, WixInventoryItem> current =
          WixInventoryQuery.byIds(api, connection, batch.stream().map(LevelUpdate::externalId).toList()).stream()
              .collect(Collectors.toMap(WixInventoryItem::id, Function.identity(), (a, b) -> a, HashMap::new));
      List<LevelUpdate> writable = new ArrayList<>();
      for (LevelUpdate update : batch) {
        WixInventoryItem item = current.get(update.externalId());
        if (item == null) {
          rejected.put(update.externalId(), "unknown Wix inventory item");
        } else if (update.expectedCurrent().isPresent()
            && item.quantity().isPresent()
            && update.expectedCurrent().getAsInt() != item.quantity().get()) {
          rejected.put(update.externalId(), STALE);
        } else {
          writable.add(update);
        }
      }
      if (!writable.isEmpty()) {
        JsonNode answer = api.post(connection, PATH, body(writable, current));
        readResults(answer, writable, acknowledged, rejected);
      }
    }
    return new PushResult(acknowledged, rejected);
  }

  private static ObjectNode body(List<LevelUpdate> updates, Map<String, WixInventoryItem> current) {
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray("inventoryItems");
    for (LevelUpdate update : updates) {
      ObjectNode item = items.addObject().putObject("inventoryItem");
      item.put("id", update.externalId());
      item.put("revision", current.get(update.externalId()).revision());
      item.put("trackQuantity", true);
      item.put("quantity", update.level());
    }
    body.put("returnEntity", false);
    return body;
  }

  /** Wix's bulk answer: {@code results[].itemMetadata{id, originalIndex, success, error{code}}}. */
  private static void readResults(
      JsonNode answer, List<LevelUpdate> sent, List<String> acknowledged, Map<String, String> rejected) {
    JsonNode results = answer.path("results");
    if (!results.isArray() || results.isEmpty()) {
      sent.forEach(u -> acknowledged.add(u.externalId())); // a 2xx without details: all applied
      return;
    }
    for (JsonNode result : results) {
      JsonNode meta = result.path("itemMetadata");
      String id = Json.text(meta, "id").orElseGet(() -> idAt(sent, Json.integer(meta, "originalIndex").orElse(-1)));
      if (id == null) {
        continue;
      }
      if (meta.path("success").asBoolean(false)) {
        acknowledged.add(id);
      } else {
        String code = Json.text(meta.path("error"), "code").orElse("UNKNOWN");
        if (!isRevisionConflict(code)) {
          rejected.put(id, "Wix refused the item (" + code + ")");
        }
      }
    }
  }

  private static boolean isRevisionConflict(String code) {
    return code.contains("REVISION") || code.equals("FAILED_PRECONDITION") || code.equals("428");
  }

  private static String idAt(List<LevelUpdate> sent, int index) {
    return index >= 0 && index < sent.size() ? sent.get(index).externalId() : null;
  }
}
