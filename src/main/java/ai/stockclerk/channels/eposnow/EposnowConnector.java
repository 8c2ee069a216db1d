package ai.stockclerk.channels.eposnow;

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
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.support.VendorHttpClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Epos Now, the till. The external id is the Epos Now product id; stock is kept per location and
 * the channel's {@code locationId} setting says which one we sync. Levels are read from V4
 * {@code ProductStock} (sum of the batches) and set through V2 {@code PUT ProductStock/{StockID}}
 * with an absolute {@code CurrentStock}: the only write documented anywhere public (UNCONFIRMED
 * against the V4 reference, which we could not read).
 */
@Component
public class EposnowConnector implements ChannelConnector {

  static final String V4_STOCK = "/api/V4/ProductStock";
  static final String V2_STOCK = "/api/V2/ProductStock";
  static final String V4_PRODUCTS = "/api/V4/Product";

  private final EposnowApi api;

  public EposnowConnector(VendorHttpClient http) {
    this.api = new EposnowApi(http);
  }

  @Override
  public ChannelType type() {
    return ChannelType.EPOSNOW;
  }

  @Override
  public ConnectorLimits limits() {
    return EposnowApi.LIMITS;
  }

  @Override
  public void verifyWebhook(ChannelConnection connection, WebhookRequest request) {
    EposnowWebhookVerifier.verify(connection, request);
  }

  @Override
  public List<StockEvent> parseWebhook(ChannelConnection connection, WebhookRequest request) {
    return EposnowWebhookParser.parse(request, connection.setting("locationId"));
  }

  @Override
  public Map<String, Integer> readLevels(ChannelConnection connection, Collection<String> externalIds) {
    Set<String> wanted = new HashSet<>(externalIds);
    Map<String, Integer> levels = new LinkedHashMap<>();
    allLevels(connection).forEach((id, level) -> {
      if (wanted.contains(id)) {
        levels.put(id, level);
      }
    });
    return levels;
  }

  /**
   * No CAS exists in Epos Now: each record is read just before it is written, and a caller's
   * expected level that no longer holds refuses the item as stale instead of overwriting a sale.
   */
  @Override
  public PushResult setLevels(ChannelConnection connection, List<LevelUpdate> updates) {
    String location = location(connection);
    Set<String> needed = new HashSet<>();
    updates.forEach(u -> needed.add(u.externalId()));
    List<JsonNode> rows = api.pages(connection, V2_STOCK, sofar -> recordsOf(sofar, location, needed).keySet().containsAll(needed));
    Map<String, JsonNode> records = recordsOf(rows, location, needed);
    List<String> acknowledged = new ArrayList<>();
    Map<String, String> rejected = new LinkedHashMap<>();
    for (LevelUpdate update : updates) {
      JsonNode row = records.get(update.externalId());
      Optional<EposnowStockRecord> record = row == null ? Optional.empty() : EposnowStockRecord.from(row);
      if (record.isEmpty()) {
        rejected.put(update.externalId(), "no Epos Now stock record for this product at location " + location);
      } else if (update.expectedCurrent().isPresent() && update.expectedCurrent().getAsInt() != record.get().level()) {
        rejected.put(update.externalId(), "stale: the channel shows another level than expected");
      } else {
        ObjectNode body = ((ObjectNode) row).deepCopy();
        body.put("CurrentStock", update.level());
        api.put(connection, V2_STOCK + "/" + record.get().stockId(), body);
        acknowledged.add(update.externalId());
      }
    }
    return new PushResult(acknowledged, rejected);
  }

  /** The raw V2 stock rows of the wanted products at the location, by product id. */
  private static Map<String, JsonNode> recordsOf(List<JsonNode> rows, String location, Set<String> products) {
    Map<String, JsonNode> records = new LinkedHashMap<>();
    for (JsonNode row : rows) {
      EposnowStockRecord.from(row)
          .filter(r -> location.equals(r.locationId()) && products.contains(r.productId()) && r.stockId() != null)
          .ifPresent(r -> records.putIfAbsent(r.productId(), row));
    }
    return records;
  }

  @Override
  public List<CatalogItem> listCatalog(ChannelConnection connection) {
    Map<String, Integer> levels = allLevels(connection);
    List<CatalogItem> items = new ArrayList<>();
    for (JsonNode product : api.pages(connection, V4_PRODUCTS, rows -> false)) {
      String id = EposnowJson.id(product, "Id");
      if (id != null) {
        items.add(new CatalogItem(id, text(product, "Sku"), text(product, "Barcode"), text(product, "Name"), levels.get(id)));
      }
    }
    return items;
  }

  @Override
  public void checkCredentials(ChannelConnection connection) {
    api.get(connection, V4_PRODUCTS + "?page=1");
  }

  private Map<String, Integer> allLevels(ChannelConnection connection) {
    Optional<String> location = Optional.of(location(connection));
    Map<String, Integer> levels = new LinkedHashMap<>();
    for (JsonNode row : api.pages(connection, V4_STOCK, rows -> false)) {
      EposnowStockRecord.from(row).filter(r -> r.atLocation(location))
          .ifPresent(r -> levels.put(r.productId(), (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, r.level()))));
    }
    return levels;
  }

  private static String location(ChannelConnection connection) {
    return connection.setting("locationId").filter(s -> !s.isBlank()).orElseThrow(() -> new ChannelException(
        "the Epos Now channel has no locationId setting (stock is kept per location)", connection,
        Failure.AUTHENTICATION, null, null));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = EposnowJson.field(node, field);
    return value != null && value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
  }
}
