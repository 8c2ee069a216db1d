package ai.stockclerk.channels.woocommerce;

import ai.stockclerk.channels.CatalogItem;
import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelConnector;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.ConnectorLimits;
import ai.stockclerk.channels.LevelUpdate;
import ai.stockclerk.channels.PushResult;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.support.Batches;
import ai.stockclerk.channels.support.Json;
import ai.stockclerk.channels.support.VendorHttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * WooCommerce through REST v3. Items are simple products ({@code "42"}) and variations ({@code
 * "42:57"}); credentials {@code consumerKey}, {@code consumerSecret}; the store's address from
 * setting (or credential) {@code siteUrl}.
 */
@Component
public class WooCommerceConnector implements ChannelConnector {

  /** create + update + delete per batch call (filter woocommerce_rest_batch_items_limit). */
  public static final int BATCH_LIMIT = 100;
  /**
   * Core wc/v3 has no rate limit; the store's host does. A few requests per second keeps a small
   * shop's PHP workers free for customers.
   */
  public static final ConnectorLimits LIMITS = new ConnectorLimits(BATCH_LIMIT, 5, Duration.ofSeconds(1));

  private final WooApi api;

  public WooCommerceConnector(VendorHttpClient http) {
    this.api = new WooApi(http, LIMITS);
  }

  @Override
  public ChannelType type() {
    return ChannelType.WOOCOMMERCE;
  }

  @Override
  public ConnectorLimits limits() {
    return LIMITS;
  }

  @Override
  public Optional<String> instanceIdOf(WebhookRequest request) {
    return request.header(WooWebhooks.SOURCE);
  }

  @Override
  public void verifyWebhook(ChannelConnection connection, WebhookRequest request) throws WebhookRejectedException {
    WooWebhooks.verify(connection, request);
  }

  @Override
  public List<StockEvent> parseWebhook(ChannelConnection connection, WebhookRequest request)
      throws WebhookRejectedException {
    return WooWebhooks.parse(request);
  }

  @Override
  public Map<String, Integer> readLevels(ChannelConnection connection, Collection<String> externalIds) {
    Map<Long, List<WooItemId>> byParent = new LinkedHashMap<>();
    List<WooItemId> simple = new ArrayList<>();
    for (String externalId : externalIds) {
      WooItemId.parse(externalId).ifPresent(id -> {
        if (id.isVariation()) {
          byParent.computeIfAbsent(id.productId(), p -> new ArrayList<>()).add(id);
        } else {
          simple.add(id);
        }
      });
    }
    Map<String, Integer> levels = new HashMap<>();
    for (List<WooItemId> batch : Batches.split(simple, WooApi.PER_PAGE)) {
      collectLevels(api.getAllPages(connection, "/products", "include=" + ids(batch)), 0, levels);
    }
    byParent.forEach((parent, variations) -> {
      for (List<WooItemId> batch : Batches.split(variations, WooApi.PER_PAGE)) {
        collectLevels(api.getAllPages(connection, "/products/" + parent + "/variations", "include=" + ids(batch)),
            parent, levels);
      }
    });
    return levels;
  }

  @Override
  public PushResult setLevels(ChannelConnection connection, List<LevelUpdate> updates) {
    return new WooLevelWriter(api).setLevels(connection, updates);
  }

  @Override
  public List<CatalogItem> listCatalog(ChannelConnection connection) {
    List<CatalogItem> items = new ArrayList<>();
    for (JsonNode product : api.getAllPages(connection, "/products", "")) {
      long id = Json.integer(product, "id").orElse(0);
      if ("variable".equals(Json.text(product, "type").orElse(""))) {
        for (JsonNode variation : api.getAllPages(connection, "/products/" + id + "/variations", "")) {
          items.add(catalogItem(variation, id, Json.text(product, "name").orElse(null)));
        }
      } else if (id > 0) {
        items.add(catalogItem(product, 0, null));
      }
    }
    return items;
  }

  @Override
  public void checkCredentials(ChannelConnection connection) {
    api.get(connection, "/products?per_page=1").json();
  }

  private static void collectLevels(List<JsonNode> products, long parent, Map<String, Integer> levels) {
    for (JsonNode product : products) {
      Optional<Integer> quantity = product.path("manage_stock").asBoolean(false)
          ? Json.integer(product, "stock_quantity") : Optional.empty();
      Optional<Integer> id = Json.integer(product, "id");
      if (quantity.isPresent() && id.isPresent()) {
        levels.put(WooItemId.of(id.get(), parent).toString(), quantity.get());
      }
    }
  }

  private static CatalogItem catalogItem(JsonNode node, long parent, String parentName) {
    long id = Json.integer(node, "id").orElse(0);
    String name = Json.text(node, "name").filter(n -> !n.isBlank())
        .orElse(parentName == null ? null : parentName + variationLabel(node));
    Integer level = node.path("manage_stock").asBoolean(false) ? Json.integer(node, "stock_quantity").orElse(null) : null;
    // WooCommerce core has no barcode field; GTIN arrives as global_unique_id since 9.2.
    return new CatalogItem(WooItemId.of(id, parent).toString(), Json.text(node, "sku").filter(s -> !s.isBlank()).orElse(null),
        Json.text(node, "global_unique_id").filter(s -> !s.isBlank()).orElse(null), name, level);
  }

  private static String variationLabel(JsonNode variation) {
    List<String> options = new ArrayList<>();
    variation.path("attributes").forEach(a -> Json.text(a, "option").ifPresent(options::add));
    return options.isEmpty() ? "" : " - " + String.join(", ", options);
  }

  private static String ids(List<WooItemId> batch) {
    return batch.stream().map(id -> Long.toString(id.ownId())).collect(Collectors.joining(","));
  }
}
