package ai.stockclerk.channels.shopify;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Absolute writes with {@code inventorySetQuantities}. Updates that carry the level we believe
 * Shopify shows go with {@code compareQuantity} (a stale one is refused, not overwritten); the
 * rest go in separate calls with {@code ignoreCompareQuantity}, since that flag is per call.
 * A call with user errors applies nothing, so the items it did not blame are sent once more.
 */
final class ShopifyLevelWriter {

  private final ShopifyGraphql graphql;

  ShopifyLevelWriter(ShopifyGraphql graphql) {
    this.graphql = graphql;
  }

  PushResult setLevels(ChannelConnection connection, String locationGid, List<LevelUpdate> updates) {
    List<String> acknowledged = new ArrayList<>();
    Map<String, String> rejected = new LinkedHashMap<>();
    List<LevelUpdate> compared = new ArrayList<>();
    List<LevelUpdate> blind = new ArrayList<>();
    for (LevelUpdate update : updates) {
      if (ShopifyIds.numeric(update.externalId()).isEmpty()) {
        rejected.put(update.externalId(), "not a Shopify inventory item id");
      } else {
        (update.expectedCurrent().isPresent() ? compared : blind).add(update);
      }
    }
    for (List<LevelUpdate> batch : Batches.split(compared, ShopifyConnector.PAGE_SIZE)) {
      send(connection, locationGid, batch, true, acknowledged, rejected);
    }
    for (List<LevelUpdate> batch : Batches.split(blind, ShopifyConnector.PAGE_SIZE)) {
      send(connection, locationGid, batch, false, acknowledged, rejected);
    }
    return new PushResult(acknowledged, rejected);
  }

  private void send(ChannelConnection connection, String locationGid, List<LevelUpdate> batch, boolean compare,
      List<String> acknowledged, Map<String, String> rejected) {
    Map<Integer, String> blamed = attempt(connection, locationGid, batch, compare);
    if (blamed.isEmpty()) {
      batch.forEach(u -> acknowledged.add(u.externalId()));
      return;
    }
    List<LevelUpdate> innocent = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      String reason = blamed.getOrDefault(i, blamed.get(-1));
      if (reason != null) {
        rejected.put(batch.get(i).externalId(), reason);
      } else {
        innocent.add(batch.get(i));
      }
    }
    if (!innocent.isEmpty()) {
      Map<Integer, String> again = attempt(connection, locationGid, innocent, compare);
      for (int i = 0; i < innocent.size(); i++) {
        String reason = again.getOrDefault(i, again.get(-1));
        if (reason == null && again.isEmpty()) {
          acknowledged.add(innocent.get(i).externalId());
        } else {
          rejected.put(innocent.get(i).externalId(), reason == null ? "refused with other items" : reason);
        }
      }
    }
  }

  /** Sends one mutation; returns the user errors by quantity index (-1 when not tied to one). */
  private Map<Integer, String> attempt(
      ChannelConnection connection, String locationGid, List<LevelUpdate> batch, boolean compare) {
    ObjectNode input = Json.object()
        .put("name", "available")
        .put("reason", "correction")
        .put("ignoreCompareQuantity", !compare);
    ArrayNode quantities = input.putArray("quantities");
    for (LevelUpdate update : batch) {
      ObjectNode quantity = quantities.addObject()
          .put("inventoryItemId", ShopifyIds.gid("InventoryItem", update.externalId()).orElseThrow())
          .put("locationId", locationGid)
          .put("quantity", update.level());
      if (compare) {
        quantity.put("compareQuantity", update.expectedCurrent().getAsInt());
      }
    }
    ObjectNode variables = Json.object();
    variables.set("input", input);
    JsonNode result = graphql.query(connection, ShopifyQueries.SET_QUANTITIES, variables).path("inventorySetQuantities");
    Map<Integer, String> blamed = new HashMap<>();
    for (JsonNode error : result.path("userErrors")) {
      String code = Json.text(error, "code").filter(c -> c.matches("[A-Z_]{1,60}")).orElse("USER_ERROR");
      blamed.merge(indexOf(error.path("field")), code, (a, b) -> a);
    }
    return blamed;
  }

  /** {@code ["input", "quantities", "3", "compareQuantity"]} names quantity 3. */
  private static int indexOf(JsonNode field) {
    for (int i = 0; i + 1 < field.size(); i++) {
      if ("quantities".equals(field.get(i).asString(""))) {
        return Json.integer(Json.object().set("i", field.get(i + 1)), "i").orElse(-1);
      }
    }
    return -1;
  }
}
