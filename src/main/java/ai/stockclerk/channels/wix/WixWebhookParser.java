package ai.stockclerk.channels.wix;

import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRejectedException.Reason;
import ai.stockclerk.channels.WebhookRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a verified Wix webhook: JWT payload → {@code data} (stringified JSON with {@code eventType},
 * {@code instanceId}, {@code data}) → the domain event ({@code id}, {@code entityFqdn}, {@code slug},
 * {@code eventTime}, and the entity). Only catalog V3 inventory items carry a level we sync (one
 * variant at one location, id = our external id); untracked items ({@code trackQuantity: false})
 * report in/out of stock only and give no event. Legacy catalog V1 events give none: this connector
 * speaks catalog V3 only.
 */
final class WixWebhookParser {

  static final String INVENTORY_ITEM_FQDN = "wix.stores.catalog.v3.inventory_item";
  private static final Set<String> LEVEL_SLUGS = Set.of("created", "updated", "updated_with_reason");

  private WixWebhookParser() {}

  static Optional<String> instanceId(WebhookRequest request) {
    try {
      return Optional.ofNullable(WixJson.text(envelope(request), "instanceId"));
    } catch (WebhookRejectedException e) {
      return Optional.empty();
    }
  }

  static List<StockEvent> parse(WebhookRequest request) {
    JsonNode event = WixJson.nested(envelope(request), "data");
    if (!INVENTORY_ITEM_FQDN.equals(WixJson.text(event, "entityFqdn"))
        || !LEVEL_SLUGS.contains(WixJson.text(event, "slug"))) {
      return List.of();
    }
    JsonNode item = entity(event);
    if (item == null || !item.path("trackQuantity").asBoolean(false)) {
      return List.of();
    }
    String id = Optional.ofNullable(WixJson.text(item, "id")).orElse(WixJson.text(event, "entityId"));
    JsonNode quantity = item.get("quantity");
    if (id == null || quantity == null || !quantity.isIntegralNumber() || !quantity.canConvertToInt()) {
      throw new WebhookRejectedException(Reason.MALFORMED, "Wix inventory item event lacks id or quantity");
    }
    Instant at = WixJson.instant(event, "eventTime", request.receivedAt());
    return List.of(new StockEvent.LevelReport(id, quantity.intValue(), WixJson.text(event, "id"), at));
  }

  private static JsonNode envelope(WebhookRequest request) {
    return WixJson.nested(WixJson.tree(WixJwt.split(request.body()).payload()), "data");
  }

  /**
   * Standard Wix domain events put the entity in {@code createdEvent.entity} or
   * {@code updatedEvent.currentEntity}. For {@code updated_with_reason} the action body's shape is
   * not spelled out in the docs; we read {@code actionEvent.body.currentInventoryItem} (unconfirmed).
   */
  private static JsonNode entity(JsonNode event) {
    for (JsonNode candidate :
        List.of(
            event.path("updatedEvent").path("currentEntity"),
            event.path("createdEvent").path("entity"),
            event.path("actionEvent").path("body").path("currentInventoryItem"))) {
      if (candidate.isObject()) {
        return candidate;
      }
    }
    return null;
  }
}
