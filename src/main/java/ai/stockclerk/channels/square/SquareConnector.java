package ai.stockclerk.channels.square;

import ai.stockclerk.channels.CatalogItem;
import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelConnector;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.channels.ChannelException.Failure;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.ConnectorLimits;
import ai.stockclerk.channels.LevelUpdate;
import ai.stockclerk.channels.PushResult;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.support.Batches;
import ai.stockclerk.channels.support.BaseUrls;
import ai.stockclerk.channels.support.Json;
import ai.stockclerk.channels.support.VendorHttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Square (a till): items are catalog ITEM_VARIATION ids counted IN_STOCK at one location
 * (setting {@code locationId}); credential {@code accessToken} (OAuth or personal token).
 */
@Component
public class SquareConnector implements ChannelConnector {

  /** Changes per batch-create call. */
  public static final int BATCH_LIMIT = 100;
  /** catalog_object_ids per batch-retrieve filter. */
  static final int RETRIEVE_FILTER_LIMIT = 1000;
  /** Square publishes no number; 10 a second stays well clear of RATE_LIMITED answers. */
  public static final ConnectorLimits LIMITS = new ConnectorLimits(BATCH_LIMIT, 10, Duration.ofSeconds(1));

  private final SquareApi api;
  private final SquareLevelWriter writer;

  public SquareConnector(VendorHttpClient http) {
    this.api = new SquareApi(http, LIMITS);
    this.writer = new SquareLevelWriter(api, Clock.systemUTC());
  }

  @Override
  public ChannelType type() {
    return ChannelType.SQUARE;
  }

  @Override
  public ConnectorLimits limits() {
    return LIMITS;
  }

  @Override
  public Optional<String> instanceIdOf(WebhookRequest request) {
    return SquareWebhooks.merchantOf(request);
  }

  @Override
  public void verifyWebhook(ChannelConnection connection, WebhookRequest request) throws WebhookRejectedException {
    SquareWebhooks.verify(connection, request);
  }

  @Override
  public List<StockEvent> parseWebhook(ChannelConnection connection, WebhookRequest request)
      throws WebhookRejectedException {
    return SquareWebhooks.parse(connection, request);
  }

  @Override
  public Map<String, Integer> readLevels(ChannelConnection connection, Collection<String> externalIds) {
    Map<String, Integer> levels = new HashMap<>();
    String location = location(connection);
    for (List<String> chunk : Batches.split(List.copyOf(new LinkedHashSet<>(externalIds)), RETRIEVE_FILTER_LIMIT)) {
      String cursor = null;
      do {
        ObjectNode body = Json.object();
        chunk.forEach(body.putArray("catalog_object_ids")::add);
        body.putArray("location_ids").add(location);
        body.putArray("states").add("IN_STOCK");
        if (cursor != null) {
          body.put("cursor", cursor);
        }
        JsonNode page = api.post(connection, "/v2/inventory/counts/batch-retrieve", body);
        for (JsonNode count : page.path("counts")) {
          Optional<String> id = Json.text(count, "catalog_object_id");
          Optional<Integer> quantity = Json.text(count, "quantity").flatMap(SquareQuantities::parse);
          if (id.isPresent() && quantity.isPresent() && location.equals(Json.text(count, "location_id").orElse(location))) {
            levels.put(id.get(), quantity.get());
          }
        }
        cursor = Json.text(page, "cursor").filter(c -> !c.isBlank()).orElse(null);
      } while (cursor != null);
    }
    return levels;
  }

  @Override
  public PushResult setLevels(ChannelConnection connection, List<LevelUpdate> updates) {
    return writer.setLevels(connection, location(connection), updates);
  }

  @Override
  public List<CatalogItem> listCatalog(ChannelConnection connection) {
    List<JsonNode> variations = new ArrayList<>();
    String cursor = null;
    do {
      String query = "/v2/catalog/list?types=ITEM_VARIATION" + (cursor == null ? "" : "&cursor=" + BaseUrls.encode(cursor));
      JsonNode page = api.get(connection, query);
      page.path("objects").forEach(variations::add);
      cursor = Json.text(page, "cursor").filter(c -> !c.isBlank()).orElse(null);
    } while (cursor != null);
    List<String> ids = variations.stream().map(v -> Json.text(v, "id").orElse(null)).filter(id -> id != null).toList();
    Map<String, Integer> levels = ids.isEmpty() ? Map.of() : readLevels(connection, ids);
    List<CatalogItem> items = new ArrayList<>();
    for (JsonNode variation : variations) {
      JsonNode data = variation.path("item_variation_data");
      Json.text(variation, "id").ifPresent(id -> items.add(new CatalogItem(id, Json.text(data, "sku").orElse(null),
          Json.text(data, "upc").orElse(null), Json.text(data, "name").orElse(null), levels.get(id))));
    }
    return items;
  }

  @Override
  public void checkCredentials(ChannelConnection connection) {
    JsonNode answer = api.get(connection, "/v2/locations/" + BaseUrls.encode(location(connection)));
    if (answer.path("location").isMissingNode()) {
      throw new ChannelException("Square did not return the configured location", connection,
          Failure.AUTHENTICATION, null, null);
    }
  }

  private static String location(ChannelConnection connection) {
    return connection.setting("locationId").filter(l -> !l.isBlank())
        .orElseThrow(() -> new ChannelException("setting locationId is missing", connection,
            Failure.AUTHENTICATION, null, null));
  }
}
