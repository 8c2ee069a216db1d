package ai.stockclerk.channels.deliveroo;

import ai.stockclerk.channels.CatalogItem;
import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelConnector;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.ConnectorLimits;
import ai.stockclerk.channels.LevelUpdate;
import ai.stockclerk.channels.PushResult;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.support.BaseUrls;
import ai.stockclerk.channels.support.Json;
import ai.stockclerk.channels.support.VendorHttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Deliveroo direct (not through Otter): availability only. A level above zero is "available",
 * zero is "unavailable" (sold out for the rest of the trading day); reading gives 1 or 0. Every
 * item not listed as unavailable reads as 1, including ids Deliveroo does not know.
 */
@Component
public class DeliverooConnector implements ChannelConnector {

  private final DeliverooApi api;

  @Autowired
  public DeliverooConnector(VendorHttpClient http) {
    this(http, Clock.systemUTC());
  }

  DeliverooConnector(VendorHttpClient http, Clock clock) {
    this.api = new DeliverooApi(http, clock);
  }

  @Override
  public ChannelType type() {
    return ChannelType.DELIVEROO;
  }

  @Override
  public ConnectorLimits limits() {
    return DeliverooApi.LIMITS;
  }

  @Override
  public void verifyWebhook(ChannelConnection connection, WebhookRequest request) {
    DeliverooWebhookVerifier.verify(connection, request);
  }

  @Override
  public List<StockEvent> parseWebhook(ChannelConnection connection, WebhookRequest request) {
    return DeliverooWebhookParser.parse(request);
  }

  @Override
  public Map<String, Integer> readLevels(ChannelConnection connection, Collection<String> externalIds) {
    DeliverooUnavailabilities current = unavailabilities(connection);
    Map<String, Integer> levels = new LinkedHashMap<>();
    externalIds.forEach(id -> levels.put(id, current.levelOf(id)));
    return levels;
  }

  @Override
  public PushResult setLevels(ChannelConnection connection, List<LevelUpdate> updates) {
    return DeliverooAvailabilityPush.run(api, connection, updates);
  }

  /**
   * The menu uploaded through the Menu API: {@code GET /v1/brands/{brand}/menus/{menuId}} with the
   * items under {@code menu.items} ({@code id}, {@code name} per language, {@code plu}). The
   * answer's shape is taken from the upload format (UNCONFIRMED for the read side).
   */
  @Override
  public List<CatalogItem> listCatalog(ChannelConnection connection) {
    String path = "/v1/brands/" + BaseUrls.encode(DeliverooApi.required(connection, "brandId"))
        + "/menus/" + BaseUrls.encode(DeliverooApi.required(connection, "menuId"));
    JsonNode menu = api.get(connection, path);
    DeliverooUnavailabilities current = unavailabilities(connection);
    List<CatalogItem> items = new ArrayList<>();
    for (JsonNode item : menu.path("menu").path("items")) {
      Json.text(item, "id").ifPresent(id -> items.add(new CatalogItem(
          id, Json.text(item, "plu").orElse(null), null, name(item.path("name")), current.levelOf(id))));
    }
    return items;
  }

  @Override
  public void checkCredentials(ChannelConnection connection) {
    readLevels(connection, List.of());
  }

  private DeliverooUnavailabilities unavailabilities(ChannelConnection connection) {
    return DeliverooUnavailabilities.from(
        api.get(connection, DeliverooApi.sitePath(connection) + "/menu/item_unavailabilities"));
  }

  private static String name(JsonNode name) {
    if (name.isString()) {
      return name.stringValue();
    }
    return Json.text(name, "en").orElseGet(() -> name.isObject() && !name.isEmpty() ? name.iterator().next().asString() : null);
  }
}
