package ai.stockclerk.channels.deliveroo;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.LevelUpdate;
import ai.stockclerk.channels.PushResult;
import ai.stockclerk.channels.support.Batches;
import ai.stockclerk.channels.support.Json;
import ai.stockclerk.channels.support.VendorCallException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sets availability with {@code POST .../menu/item_unavailabilities} (only the listed items
 * change). The current set is read first so that only items whose state changes are sent (the
 * endpoint is rate limited per site) and so that an item the restaurant hid is never un-hidden by
 * us. One unknown id fails a whole request with 404: the batch is then sent item by item to find
 * it, and only that item is refused.
 */
final class DeliverooAvailabilityPush {

  static final String HIDDEN_BY_RESTAURANT = "hidden on Deliveroo by the restaurant; StockClerk does not un-hide items";

  private DeliverooAvailabilityPush() {}

  static PushResult run(DeliverooApi api, ChannelConnection connection, List<LevelUpdate> updates) {
    String path = DeliverooApi.sitePath(connection) + "/menu/item_unavailabilities";
    DeliverooUnavailabilities current = DeliverooUnavailabilities.from(api.get(connection, path));
    List<String> acknowledged = new ArrayList<>();
    Map<String, String> rejected = new LinkedHashMap<>();
    Map<String, String> changes = new LinkedHashMap<>();
    for (LevelUpdate update : updates) {
      boolean wantAvailable = update.level() > 0;
      if (wantAvailable && current.hidden(update.externalId())) {
        rejected.put(update.externalId(), HIDDEN_BY_RESTAURANT);
      } else if ((current.levelOf(update.externalId()) > 0) == wantAvailable) {
        acknowledged.add(update.externalId()); // already shown as wanted
      } else {
        changes.put(update.externalId(), wantAvailable ? DeliverooUnavailabilities.AVAILABLE : DeliverooUnavailabilities.UNAVAILABLE);
      }
    }
    for (List<String> batch : Batches.split(List.copyOf(changes.keySet()), DeliverooApi.LIMITS.maxBatchSize())) {
      send(api, connection, path, batch, changes, acknowledged, rejected);
    }
    return new PushResult(acknowledged, rejected);
  }

  private static void send(DeliverooApi api, ChannelConnection connection, String path, List<String> ids,
      Map<String, String> statuses, List<String> acknowledged, Map<String, String> rejected) {
    try {
      api.post(connection, path, body(ids, statuses));
      acknowledged.addAll(ids);
    } catch (VendorCallException e) {
      if (e.httpStatus().orElse(0) != 404) {
        throw e;
      }
      if (ids.size() == 1) {
        rejected.put(ids.get(0), "unknown item on the Deliveroo menu");
        return;
      }
      for (String id : ids) {
        send(api, connection, path, List.of(id), statuses, acknowledged, rejected);
      }
    }
  }

  private static ObjectNode body(List<String> ids, Map<String, String> statuses) {
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray("item_unavailabilities");
    ids.forEach(id -> items.addObject().put("item_id", id).put("status", statuses.get(id)));
    return body;
  }
}
