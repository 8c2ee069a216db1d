package ai.stockclerk.agents.guardian;

import ai.stockclerk.agents.ChannelConnections;
import ai.stockclerk.agents.sync.SyncTrigger;
import ai.stockclerk.channels.ChannelRegistry;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.store.ChannelItemRecord;
import ai.stockclerk.store.ChannelItemStore;
import ai.stockclerk.store.ChannelRecord;
import ai.stockclerk.store.ChannelStore;
import ai.stockclerk.store.Movement;
import ai.stockclerk.store.MovementKind;
import ai.stockclerk.store.NotFoundException;
import ai.stockclerk.store.ObservedLevel;
import ai.stockclerk.store.ProductRecord;
import ai.stockclerk.store.ProductStore;
import ai.stockclerk.store.PushStateStore;
import ai.stockclerk.store.ReconcileStore;
import ai.stockclerk.store.StockChange;
import ai.stockclerk.store.StockLedger;
import ai.stockclerk.store.Tenancy;
import java.util.List;
import java.util.UUID;

/**
 * What a person can do about a drift Guardian would not repair alone. Both read the channel's level
 * again first: the alert may be hours old. Accepting the channel's level changes central stock
 * through the ledger (a {@code correction}), so every other channel follows; pushing ours sends
 * our level to the channel. Either resolves the item's drift alert.
 */
public class DriftActions {

  private final Tenancy tenancy;
  private final ChannelItemStore items;
  private final ChannelStore channels;
  private final ProductStore products;
  private final StockLedger ledger;
  private final ReconcileStore reconcile;
  private final PushStateStore pushStates;
  private final ChannelConnections connections;
  private final ChannelRegistry registry;
  private final SyncTrigger sync;
  private final DriftReporting reporting;

  DriftActions(Tenancy tenancy, ChannelItemStore items, ChannelStore channels, ProductStore products,
      StockLedger ledger, ReconcileStore reconcile, PushStateStore pushStates, ChannelConnections connections,
      ChannelRegistry registry, SyncTrigger sync, DriftReporting reporting) {
    this.tenancy = tenancy;
    this.items = items;
    this.channels = channels;
    this.products = products;
    this.ledger = ledger;
    this.reconcile = reconcile;
    this.pushStates = pushStates;
    this.connections = connections;
    this.registry = registry;
    this.sync = sync;
    this.reporting = reporting;
  }

  /** What an action did: the channel's level it acted on and central stock afterwards. */
  public record Outcome(UUID itemId, UUID channelId, UUID productId, int channelLevel, int stock, Long movementId,
      boolean alertResolved) {}

  public Outcome acceptChannelLevel(UUID tenantId, UUID itemId) {
    Target target = target(tenantId, itemId);
    if (target.type.availabilityOnly()) {
      throw new DriftActionException("'" + target.channel.name() + "' shows only whether an item is available, not "
          + "a level to accept; push ours or correct the stock by hand", tenantId, target.channel.id(), false);
    }
    int level = channelLevel(tenantId, target);
    Outcome outcome = tenancy.inTenant(tenantId, () -> {
      ProductRecord product = products.get(target.item.productId());
      int stock = product.stock();
      int wanted = stockShowing(target.type, level, stock, product.bufferStock());
      Movement movement = wanted == stock ? null : ledger.apply(new StockChange(product.id(), wanted - stock,
          MovementKind.CORRECTION, target.channel.id(), "guardian-accept:" + itemId,
          "accepted the level " + level + " shown on '" + target.channel.name() + "'"));
      reconcile.recordObserved(List.of(new ObservedLevel(itemId, level, false)));
      return new Outcome(itemId, target.channel.id(), product.id(), level, wanted,
          movement == null ? null : movement.id(), false);
    });
    requestPushes(tenantId, target.item.productId());
    return withResolvedAlert(tenantId, outcome);
  }

  public Outcome pushOurLevel(UUID tenantId, UUID itemId) {
    Target target = target(tenantId, itemId);
    int level = channelLevel(tenantId, target);
    int stock = tenancy.inTenant(tenantId, () -> {
      reconcile.recordObserved(List.of(new ObservedLevel(itemId, level, true)));
      return products.get(target.item.productId()).stock();
    });
    sync.request(tenantId, target.channel.id());
    return withResolvedAlert(tenantId, new Outcome(itemId, target.channel.id(), target.item.productId(), level, stock,
        null, false));
  }

  /** The stock at which the channel's rule shows {@code level}; a shop showing 0 only says stock is within the buffer. */
  static int stockShowing(ChannelType type, int level, int stock, int bufferStock) {
    if (type.role() == ChannelType.Role.TILL) {
      return level;
    }
    return level == 0 ? Math.min(stock, bufferStock) : level + bufferStock;
  }

  private Outcome withResolvedAlert(UUID tenantId, Outcome outcome) {
    boolean resolved = reporting.resolve(tenantId, outcome.itemId());
    return new Outcome(outcome.itemId(), outcome.channelId(), outcome.productId(), outcome.channelLevel(),
        outcome.stock(), outcome.movementId(), resolved);
  }

  private void requestPushes(UUID tenantId, UUID productId) {
    tenancy.inTenant(tenantId, () -> pushStates.channelsOwing(List.of(productId))).forEach(ch -> sync.request(tenantId, ch));
  }

  private int channelLevel(UUID tenantId, Target target) {
    Integer level = registry.connectorFor(target.type)
        .readLevels(connections.of(target.channel), List.of(target.item.externalId()))
        .get(target.item.externalId());
    if (level == null) {
      throw new DriftActionException("'" + target.channel.name() + "' no longer has item "
          + target.item.externalId(), tenantId, target.channel.id(), false);
    }
    return level;
  }

  private Target target(UUID tenantId, UUID itemId) {
    return tenancy.inTenant(tenantId, () -> {
      ChannelItemRecord item = items.find(itemId).orElseThrow(() -> new NotFoundException("mapping"));
      ChannelRecord channel = channels.get(item.channelId());
      ChannelType type = ChannelType.fromWireName(channel.type()).orElseThrow(() -> new DriftActionException(
          "unknown channel type", tenantId, channel.id(), false));
      return new Target(item, channel, type);
    });
  }

  private record Target(ChannelItemRecord item, ChannelRecord channel, ChannelType type) {}
}
