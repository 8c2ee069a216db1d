package ai.stockclerk.channels.ubereats;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.LevelUpdate;
import ai.stockclerk.channels.PushResult;
import ai.stockclerk.channels.support.BaseUrls;
import ai.stockclerk.channels.support.Json;
import ai.stockclerk.channels.support.VendorCallException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Availability through Update Item ({@code POST .../menus/items/{item_id}}, a sparse update, one
 * item per call) with {@code suspension_info}. Only items whose state changes are sent. A suspension
 * runs until {@link #SUSPEND_FOR} from now: Uber wants an end time, and a bounded one means an item
 * we forget to lift comes back by itself, while the Guardian re-suspends it if stock is still zero.
 * The exact way to lift a suspension is not visible in the docs (UNCONFIRMED): we send
 * {@code suspend_until: 0}, the reading that cannot leave an item suspended longer than asked.
 */
final class UberEatsSuspensions {

  static final Duration SUSPEND_FOR = Duration.ofDays(7);
  static final String REASON = "Out of stock";

  private UberEatsSuspensions() {}

  static PushResult run(UberEatsApi api, ChannelConnection connection, List<LevelUpdate> updates, Instant now) {
    String store = UberEatsApi.storePath(connection);
    UberEatsMenu menu = UberEatsMenu.from(api.get(connection, store + "/menus"));
    List<String> acknowledged = new ArrayList<>();
    Map<String, String> rejected = new LinkedHashMap<>();
    for (LevelUpdate update : updates) {
      String id = update.externalId();
      boolean wantAvailable = update.level() > 0;
      if (!menu.has(id)) {
        rejected.put(id, "unknown item on the Uber Eats menu");
      } else if ((menu.levelOf(id, now) > 0) == wantAvailable) {
        acknowledged.add(id);
      } else {
        try {
          api.post(connection, store + "/menus/items/" + BaseUrls.encode(id), body(wantAvailable, now));
          acknowledged.add(id);
        } catch (VendorCallException e) {
          if (e.httpStatus().orElse(0) != 404 && e.httpStatus().orElse(0) != 400) {
            throw e;
          }
          rejected.put(id, "Uber Eats refused the item (HTTP " + e.httpStatus().getAsInt() + ")");
        }
      }
    }
    return new PushResult(acknowledged, rejected);
  }

  static ObjectNode body(boolean available, Instant now) {
    ObjectNode body = Json.object();
    ObjectNode suspension = body.putObject("suspension_info").putObject("suspension");
    suspension.put("suspend_until", available ? 0 : now.plus(SUSPEND_FOR).getEpochSecond());
    if (!available) {
      suspension.put("reason", REASON);
    }
    return body;
  }
}
