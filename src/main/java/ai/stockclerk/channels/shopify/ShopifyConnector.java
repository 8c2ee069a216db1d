package ai.stockclerk.channels.shopify;

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
import ai.stockclerk.channels.support.Json;
import ai.stockclerk.channels.support.VendorHttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shopify through the GraphQL Admin API. An item is an InventoryItem (numeric id) at the one
 * location the tenant chose (setting {@code locationId}); credentials {@code accessToken} and
 * {@code shopDomain} ({@code name.myshopify.com}).
 */
@Component
public class ShopifyConnector implements ChannelConnector {

  /** Pinned Admin API version; 2026-04 makes changeFromQuantity and @idempotent mandatory. */
  public static final String API_VERSION = "2025-10";
  /** Shopify caps every connection page and input array at 250. */
  public static final int PAGE_SIZE = 250;
  /**
   * Standard plan: 100 cost points per second. Our reads and writes cost well over 10 points, so
   * a few requests per second; the real figure is taken from each answer's throttle status.
   */
  public static final ConnectorLimits LIMITS = new ConnectorLimits(PAGE_SIZE, 4, Duration.ofSeconds(1));

  private final ShopifyGraphql graphql;
  private final ShopifyLevelWriter writer;

  public ShopifyConnector(VendorHttpClient http) {
    this.graphql = new ShopifyGraphql(http, LIMITS);
    this.writer = new ShopifyLevelWriter(graphql);
  }

  @Override
  public ChannelType type() {
    return ChannelType.SHOPIFY;
  }

  @Override
  public ConnectorLimits limits() {
    return LIMITS;
  }

  @Override
  public Optional<String> instanceIdOf(WebhookRequest request) {
    return request.header(ShopifyWebhooks.SHOP_DOMAIN);
  }

  @Override
  public void verifyWebhook(ChannelConnection connection, WebhookRequest request) throws WebhookRejectedException {
    ShopifyWebhooks.verify(connection, request);
  }

  @Override
  public List<StockEvent> parseWebhook(ChannelConnection connection, WebhookRequest request)
      throws WebhookRejectedException {
    return ShopifyWebhooks.parse(connection, request);
  }

  @Override
  public Map<String, Integer> readLevels(ChannelConnection connection, Collection<String> externalIds) {
    Set<String> wanted = new HashSet<>();
    externalIds.forEach(id -> ShopifyIds.numeric(id).ifPresent(wanted::add));
    Map<String, Integer> levels = new HashMap<>();
    String cursor = null;
    do {
      JsonNode page = graphql.query(connection, ShopifyQueries.LEVELS_AT_LOCATION, pageVariables(connection, cursor))
          .path("location").path("inventoryLevels");
      for (JsonNode level : page.path("nodes")) {
        ShopifyIds.numeric(level.path("item").path("id").asString(null))
            .filter(wanted::contains)
            .ifPresent(id -> availableOf(level).ifPresent(q -> levels.put(id, q)));
      }
      cursor = nextCursor(page);
    } while (cursor != null && levels.size() < wanted.size());
    return levels;
  }

  @Override
  public PushResult setLevels(ChannelConnection connection, List<LevelUpdate> updates) {
    return writer.setLevels(connection, requireLocation(connection), updates);
  }

  @Override
  public List<CatalogItem> listCatalog(ChannelConnection connection) {
    List<CatalogItem> items = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = graphql.query(connection, ShopifyQueries.VARIANTS, pageVariables(connection, cursor))
          .path("productVariants");
      for (JsonNode variant : page.path("nodes")) {
        JsonNode inventoryItem = variant.path("inventoryItem");
        ShopifyIds.numeric(inventoryItem.path("id").asString(null)).ifPresent(id -> items.add(new CatalogItem(id,
            Json.text(variant, "sku").orElse(null), Json.text(variant, "barcode").orElse(null),
            Json.text(variant, "displayName").orElse(null),
            availableOf(inventoryItem.path("inventoryLevel")).orElse(null))));
      }
      cursor = nextCursor(page);
    } while (cursor != null);
    return items;
  }

  @Override
  public void checkCredentials(ChannelConnection connection) {
    graphql.query(connection, ShopifyQueries.SHOP, Json.object());
    ObjectNode variables = Json.object().put("location", requireLocation(connection));
    JsonNode location = graphql.query(connection, ShopifyQueries.LOCATION, variables).path("location");
    if (location.isMissingNode() || location.isNull()) {
      throw new ChannelException("the configured Shopify location does not exist", connection,
          Failure.AUTHENTICATION, null, null);
    }
  }

  /** The numeric id of the location this channel syncs, from setting {@code locationId}. */
  static Optional<String> locationOf(ChannelConnection connection) {
    return connection.setting("locationId").flatMap(ShopifyIds::numeric);
  }

  private static String requireLocation(ChannelConnection connection) {
    return locationOf(connection).flatMap(id -> ShopifyIds.gid("Location", id))
        .orElseThrow(() -> new ChannelException("setting locationId is missing or not a Shopify id", connection,
            Failure.AUTHENTICATION, null, null));
  }

  private static ObjectNode pageVariables(ChannelConnection connection, String cursor) {
    ObjectNode variables = Json.object().put("location", requireLocation(connection)).put("first", PAGE_SIZE);
    if (cursor != null) {
      variables.put("after", cursor);
    }
    return variables;
  }

  private static String nextCursor(JsonNode connectionPage) {
    JsonNode info = connectionPage.path("pageInfo");
    return info.path("hasNextPage").asBoolean(false) ? info.path("endCursor").asString(null) : null;
  }

  static Optional<Integer> availableOf(JsonNode level) {
    for (JsonNode quantity : level.path("quantities")) {
      if ("available".equals(quantity.path("name").asString(""))) {
        return Json.integer(quantity, "quantity");
      }
    }
    return Optional.empty();
  }
}
