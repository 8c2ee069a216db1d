package ai.stockclerk.channels.wix;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.channels.ChannelException.Failure;
import ai.stockclerk.channels.support.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /stores/v3/inventory-items/query}, following cursors until Wix gives none. The first
 * page carries the filter; later pages carry only the cursor, which encodes the query (Wix refuses
 * a filter next to a cursor). A cursor seen twice would loop forever and is a vendor fault.
 */
final class WixInventoryQuery {

  static final String PATH = "/stores/v3/inventory-items/query";
  static final int PAGE_SIZE = 1_000;

  private WixInventoryQuery() {}

  static List<WixInventoryItem> all(WixApi api, ChannelConnection connection) {
    return run(api, connection, null);
  }

  static List<WixInventoryItem> byIds(WixApi api, ChannelConnection connection, Collection<String> ids) {
    ObjectNode filter = Json.object();
    ArrayNode in = filter.putObject("id").putArray("$in");
    ids.forEach(in::add);
    return run(api, connection, filter);
  }

  private static List<WixInventoryItem> run(WixApi api, ChannelConnection connection, ObjectNode filter) {
    List<WixInventoryItem> items = new ArrayList<>();
    Set<String> seenCursors = new HashSet<>();
    String cursor = null;
    do {
      JsonNode page = api.post(connection, PATH, body(filter, cursor));
      for (JsonNode node : page.path("inventoryItems")) {
        WixInventoryItem.from(node).ifPresent(items::add);
      }
      cursor = Json.text(page.path("pagingMetadata").path("cursors"), "next").filter(c -> !c.isBlank()).orElse(null);
      if (cursor != null && !seenCursors.add(cursor)) {
        throw new ChannelException("Wix paging repeated a cursor", connection, Failure.RETRYABLE, null, null);
      }
    } while (cursor != null);
    return items;
  }

  private static ObjectNode body(ObjectNode filter, String cursor) {
    ObjectNode body = Json.object();
    ObjectNode query = body.putObject("query");
    ObjectNode paging = query.putObject("cursorPaging");
    paging.put("limit", PAGE_SIZE);
    if (cursor != null) {
      paging.put("cursor", cursor);
    } else if (filter != null) {
      query.set("filter", filter);
    }
    return body;
  }
}
