package ai.stockclerk.agents.alert;

import ai.stockclerk.store.AlertRecord;
import ai.stockclerk.store.AlertStore;
import ai.stockclerk.store.ChannelRecord;
import ai.stockclerk.store.ChannelStore;
import ai.stockclerk.store.LowStockLevel;
import ai.stockclerk.store.Tenancy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The rules that turn what happened into alerts: low stock, a push that gave up, a disconnected
 * channel, items a channel has that nothing maps. Each rule raises under a stable subject, so
 * repeats count occurrences of one alert, and resolves when its condition clears.
 */
class AlertRules {

  static final int MAX_LISTED_ITEMS = 50;
  static final int MAX_UNMAPPED_KEPT = 200;

  private final Alerts alerts;
  private final AlertStore store;
  private final ChannelStore channels;
  private final Tenancy tenancy;
  private final OpenLowStock open = new OpenLowStock();
  private static final String PRODUCT_SUBJECT = "product:";

  AlertRules(Alerts alerts, AlertStore store, ChannelStore channels, Tenancy tenancy) {
    this.alerts = alerts;
    this.store = store;
    this.channels = channels;
    this.tenancy = tenancy;
  }

  /**
   * A stock change that leaves the product above its threshold (both carried by the event) changes
   * nothing when no low-stock alert of the product is open; only the others look at the database.
   */
  void onStockChanged(UUID tenantId, Map<String, Object> event) {
    UUID product = EventFields.uuid(event, "productId");
    Integer stock = EventFields.integer(event, "stock");
    Integer threshold = EventFields.integer(event, "threshold");
    if (stock != null && threshold != null && stock > threshold && open.knownClear(tenantId, product)) {
      return;
    }
    checkProduct(tenantId, product);
  }

  void onSyncFailed(UUID tenantId, Map<String, Object> event) {
    if (!EventFields.flag(event, "givenUp")) {
      return;
    }
    UUID channelId = EventFields.uuid(event, "channelId");
    String failure = EventFields.text(event, "failure", "RETRYABLE");
    String reason = truncate(EventFields.text(event, "message", "no detail"), 500);
    List<String> items = EventFields.texts(event, "externalIds", MAX_LISTED_ITEMS);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("channelId", channelId.toString());
    facts.put("failure", failure);
    facts.put("reason", reason);
    facts.put("externalIds", items);
    boolean authentication = "AUTHENTICATION".equalsIgnoreCase(failure);
    String name = channelName(tenantId, channelId);
    alerts.raise(tenantId, AlertType.SYNC_ERROR, channelSubject(channelId),
        authentication ? AlertSeverity.HIGH : AlertSeverity.MEDIUM,
        "Stock updates to " + name + " gave up after retries (" + items.size() + " items): " + reason, facts);
    if (authentication) {
      disconnected(tenantId, channelId, name, AlertSeverity.HIGH, "the channel refused our credentials");
    }
  }

  void onChannelStatus(UUID tenantId, Map<String, Object> event) {
    UUID channelId = EventFields.uuid(event, "channelId");
    String status = EventFields.requiredText(event, "status");
    String detail = truncate(EventFields.text(event, "detail", status), 500);
    switch (status) {
      case "connected" -> alerts.resolve(tenantId, AlertType.CHANNEL_DISCONNECTED, channelSubject(channelId));
      case "disconnected" -> disconnected(tenantId, channelId, channelName(tenantId, channelId), AlertSeverity.HIGH,
          detail);
      case "error" -> disconnected(tenantId, channelId, channelName(tenantId, channelId), AlertSeverity.MEDIUM,
          detail);
      default -> throw new EventFields.MalformedEventException("unknown channel status '" + truncate(status, 40) + "'");
    }
  }

  void onItemUnmapped(UUID tenantId, Map<String, Object> event) {
    UUID channelId = EventFields.uuid(event, "channelId");
    String externalId = truncate(EventFields.requiredText(event, "externalId"), 255);
    Map<String, Object> facts = Map.of("channelId", channelId.toString(), "externalIds", List.of(externalId));
    alerts.raise(tenantId, AlertType.UNMAPPED_ITEM, channelSubject(channelId), AlertSeverity.LOW,
        channelName(tenantId, channelId) + " has items that are not mapped to any product", facts,
        AlertRules::mergeUnmapped);
  }

  /** Raises or resolves the low-stock alert of one product from its current stock. */
  void checkProduct(UUID tenantId, UUID productId) {
    tenancy.runInTenant(tenantId, () -> {
      if (!open.loaded(tenantId)) {
        open.load(tenantId, openLowStockProducts());
      }
      LowStockLevel level = store.stockLevel(productId).orElse(null);
      if (level != null && level.isLow()) {
        raiseLowStock(tenantId, level);
      } else {
        alerts.resolve(tenantId, AlertType.LOW_STOCK, productSubject(productId));
        open.resolved(tenantId, productId);
      }
    });
  }

  private List<UUID> openLowStockProducts() {
    return store.unresolvedOfType(AlertType.LOW_STOCK.wireName()).stream()
        .map(AlertRecord::subject)
        .filter(subject -> subject.startsWith(PRODUCT_SUBJECT))
        .map(subject -> UUID.fromString(subject.substring(PRODUCT_SUBJECT.length())))
        .toList();
  }

  /** The periodic sweep: every low product raised, every low-stock alert whose product recovered resolved. */
  void checkTenant(UUID tenantId) {
    tenancy.runInTenant(tenantId, () -> {
      List<LowStockLevel> low = store.lowStockLevels();
      low.forEach(level -> raiseLowStock(tenantId, level));
      Set<String> stillLow = low.stream().map(l -> productSubject(l.productId())).collect(Collectors.toSet());
      for (AlertRecord alert : store.unresolvedOfType(AlertType.LOW_STOCK.wireName())) {
        if (!stillLow.contains(alert.subject())) {
          alerts.resolve(tenantId, AlertType.LOW_STOCK, alert.subject());
        }
      }
      // Every low product is raised above and every other alert resolved: the low ones are what is open.
      open.load(tenantId, low.stream().map(LowStockLevel::productId).toList());
    });
  }

  private void raiseLowStock(UUID tenantId, LowStockLevel level) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("productId", level.productId().toString());
    facts.put("sku", level.sku());
    facts.put("stock", level.stock());
    facts.put("threshold", level.threshold());
    String message = level.stock() <= 0
        ? level.name() + " (" + level.sku() + ") is out of stock"
        : level.name() + " (" + level.sku() + ") is low: " + level.stock() + " left, threshold " + level.threshold();
    alerts.raise(tenantId, AlertType.LOW_STOCK, productSubject(level.productId()), lowStockSeverity(level), message,
        facts);
    open.raised(tenantId, level.productId());
  }

  static AlertSeverity lowStockSeverity(LowStockLevel level) {
    if (level.stock() <= 0) {
      return AlertSeverity.HIGH;
    }
    return level.stock() <= level.threshold() / 2 ? AlertSeverity.MEDIUM : AlertSeverity.LOW;
  }

  private void disconnected(UUID tenantId, UUID channelId, String name, AlertSeverity severity, String detail) {
    alerts.raise(tenantId, AlertType.CHANNEL_DISCONNECTED, channelSubject(channelId), severity,
        name + " is disconnected: " + detail + ". Stock is not reaching it until it reconnects.",
        Map.of("channelId", channelId.toString(), "detail", detail));
  }

  /** Keeps the distinct unmapped ids (up to a cap) and their count across repeats. */
  static Map<String, Object> mergeUnmapped(Map<String, Object> existing, Map<String, Object> latest) {
    java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>(EventFields.texts(existing, "externalIds",
        MAX_UNMAPPED_KEPT));
    int count = existing.get("count") instanceof Number n ? n.intValue() : ids.size();
    for (String id : EventFields.texts(latest, "externalIds", MAX_UNMAPPED_KEPT)) {
      if (!ids.contains(id)) {
        count++;
        if (ids.size() < MAX_UNMAPPED_KEPT) {
          ids.add(id);
        }
      }
    }
    Map<String, Object> merged = new LinkedHashMap<>(latest);
    merged.put("externalIds", List.copyOf(ids));
    merged.put("count", count);
    return merged;
  }

  private String channelName(UUID tenantId, UUID channelId) {
    return tenancy.inTenant(tenantId, () -> channels.find(channelId).map(ChannelRecord::name)
        .map(name -> "channel '" + name + "'").orElse("channel " + channelId));
  }

  static String productSubject(UUID productId) {
    return PRODUCT_SUBJECT + productId;
  }

  static String channelSubject(UUID channelId) {
    return "channel:" + channelId;
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
