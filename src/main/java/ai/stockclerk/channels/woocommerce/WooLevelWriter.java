package ai.stockclerk.channels.woocommerce;

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
 * Absolute writes with the batch endpoints: {@code products/batch} for simple products and
 * {@code products/{id}/variations/batch} per parent, at most 100 updates a call. WooCommerce has
 * no compare-and-set: the last writer wins, and reconciliation catches what that misses. Each
 * item of the answer either echoes the product or carries its own {@code error}.
 */
final class WooLevelWriter {

  private final WooApi api;

  WooLevelWriter(WooApi api) {
    this.api = api;
  }

  PushResult setLevels(ChannelConnection connection, List<LevelUpdate> updates) {
    List<String> acknowledged = new ArrayList<>();
    Map<String, String> rejected = new LinkedHashMap<>();
    Map<Long, List<Pending>> byEndpoint = new LinkedHashMap<>();
    for (LevelUpdate update : updates) {
      WooItemId.parse(update.externalId()).ifPresentOrElse(
          id -> byEndpoint.computeIfAbsent(id.isVariation() ? id.productId() : 0L, k -> new ArrayList<>())
              .add(new Pending(id, update)),
          () -> rejected.put(update.externalId(), "not a WooCommerce product id"));
    }
    byEndpoint.forEach((parent, pending) -> {
      String path = parent == 0 ? "/products/batch" : "/products/" + parent + "/variations/batch";
      for (List<Pending> batch : Batches.split(pending, WooCommerceConnector.BATCH_LIMIT)) {
        send(connection, path, batch, acknowledged, rejected);
      }
    });
    return new PushResult(acknowledged, rejected);
  }

  private void send(ChannelConnection connection, String path, List<Pending> batch,
      List<String> acknowledged, Map<String, String> rejected) {
    ObjectNode body = Json.object();
    ArrayNode update = body.putArray("update");
    Map<Long, Pending> byOwnId = new HashMap<>();
    for (Pending p : batch) {
      update.addObject().put("id", p.id().ownId()).put("manage_stock", true).put("stock_quantity", p.update().level());
      byOwnId.put(p.id().ownId(), p);
    }
    JsonNode answer = api.post(connection, path, body);
    for (JsonNode item : answer.path("update")) {
      Pending p = byOwnId.remove((long) Json.integer(item, "id").orElse(-1));
      if (p == null) {
        continue;
      }
      if (item.has("error")) {
        rejected.put(p.update().externalId(), Json.text(item.path("error"), "code").orElse("rejected"));
      } else {
        acknowledged.add(p.update().externalId());
      }
    }
    // Woo answers an unknown id with id 0 and an error, so what is left unanswered was refused.
    byOwnId.values().forEach(p -> rejected.put(p.update().externalId(), "not acknowledged by the store"));
  }

  private record Pending(WooItemId id, LevelUpdate update) {}
}
