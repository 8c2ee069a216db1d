package ai.stockclerk.agents.watcher;

import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.StockEvent.LevelReport;
import ai.stockclerk.channels.StockEvent.QuantityChange;
import ai.stockclerk.store.ChannelItemRecord;
import ai.stockclerk.store.ChannelItemStore;
import ai.stockclerk.store.Movement;
import ai.stockclerk.store.ProductRecord;
import ai.stockclerk.store.ProductStore;
import ai.stockclerk.store.PushStateStore;
import ai.stockclerk.store.ReportOutcome;
import ai.stockclerk.store.StockChange;
import ai.stockclerk.store.StockLedger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Applies the stock events of webhooks inside the tenant's transaction (the caller's): finds each
 * item's product, turns the event into a delta through the ledger (which marks the other channels
 * dirty), and marks the source channel too when the level it shows must differ.
 */
@Component
class StockEventApplier {

  private final ChannelItemStore items;
  private final ProductStore products;
  private final StockLedger ledger;
  private final PushStateStore pushStates;

  StockEventApplier(ChannelItemStore items, ProductStore products, StockLedger ledger, PushStateStore pushStates) {
    this.items = items;
    this.products = products;
    this.ledger = ledger;
    this.pushStates = pushStates;
  }

  /** One webhook's parsed events, to apply into its own outcome. */
  record Webhook(Applying into, ChannelType type, List<StockEvent> events) {}

  private record Pending(Applying into, ChannelType type, StockEvent event, ChannelItemRecord item) {}

  /**
   * Applies several webhooks' events with a handful of look-ups for all of them (items per
   * channel, products, channels owing a push), product by product and in each product in arrival
   * order: products and their channel items are then locked in one order by every batch and every
   * push acknowledgement, so two of them never wait on each other. Returns the channels that owe
   * a push of a product the webhooks moved.
   */
  List<UUID> applyAll(List<Webhook> webhooks) {
    Map<UUID, Set<String>> idsByChannel = new HashMap<>();
    for (Webhook webhook : webhooks) {
      for (StockEvent event : webhook.events()) {
        idsByChannel.computeIfAbsent(webhook.into().channelId, c -> new HashSet<>()).add(event.externalId());
      }
    }
    Map<UUID, Map<String, ChannelItemRecord>> known = new HashMap<>();
    idsByChannel.forEach((channel, ids) -> known.put(channel, items.findByExternalIds(channel, ids)));
    List<Pending> pending = new ArrayList<>();
    for (Webhook webhook : webhooks) {
      for (StockEvent event : webhook.events()) {
        ChannelItemRecord item = known.get(webhook.into().channelId).get(event.externalId());
        if (item == null) {
          webhook.into().unmapped.add(event.externalId());
        } else {
          pending.add(new Pending(webhook.into(), webhook.type(), event, item));
        }
      }
    }
    pending.sort(Comparator.comparing((Pending p) -> p.item().productId()));
    Map<UUID, ProductRecord> productsById = products.findAll(
        pending.stream().map(p -> p.item().productId()).collect(Collectors.toSet()));
    Set<UUID> moved = new HashSet<>();
    for (Pending one : pending) {
      applyOne(one.into(), one.type(), one.event(), one.item(), productsById, moved);
    }
    return moved.isEmpty() ? List.of() : pushStates.channelsOwing(moved);
  }

  private void applyOne(Applying applying, ChannelType type, StockEvent event, ChannelItemRecord item,
      Map<UUID, ProductRecord> productsById, Set<UUID> moved) {
    Optional<Movement> movement = event instanceof LevelReport report
        ? levelReport(item, type, report)
        : Optional.of(quantityChange(item, (QuantityChange) event));
    if (movement.isEmpty()) {
      return; // an echo of our own push, a stale report, or a baseline: stock does not move
    }
    Movement change = movement.get();
    // Sku, buffer and threshold do not move with stock: the record read before applying serves.
    ProductRecord product = productsById.computeIfAbsent(change.productId(), products::get);
    if (sourceMustBePushed(item, type, event, change.resultingStock(), product.bufferStock())) {
      pushStates.markDirty(item.id());
    }
    applying.changes.add(new AppliedChange(product.id(), product.sku(), change.resultingStock(),
        product.effectiveLowStockThreshold(), change.delta(), change.kind(), applying.channelId));
    moved.add(product.id());
  }

  /** What one webhook's events did so far. */
  static final class Applying {
    private final UUID channelId;
    private final List<AppliedChange> changes = new ArrayList<>();
    private final List<String> unmapped = new ArrayList<>();

    Applying(UUID channelId) {
      this.channelId = channelId;
    }

    WebhookOutcome outcome() {
      return new WebhookOutcome(channelId, changes, unmapped);
    }
  }

  /**
   * An absolute level becomes a delta against the last level known for the item. The level we last
   * pushed is that known level, so our own push echoed back moves nothing (Unchanged).
   */
  private Optional<Movement> levelReport(ChannelItemRecord item, ChannelType type, LevelReport report) {
    ReportOutcome outcome = ledger.applyChannelReport(item.id(), report.level(), report.occurredAt(),
        report.eventId(), delta -> MovementClassifier.ofLevelChange(type, delta));
    return outcome instanceof ReportOutcome.Applied applied ? Optional.of(applied.movement()) : Optional.empty();
  }

  private Movement quantityChange(ChannelItemRecord item, QuantityChange change) {
    return ledger.apply(new StockChange(item.productId(), change.delta(),
        MovementClassifier.ofQuantityChange(change.kind()), item.channelId(), change.eventId(), null));
  }

  /**
   * The source of a change is left alone when it already shows the right level; it is pushed to when
   * what it shows must differ: a buffer it does not apply, availability that flips, or a till or shop
   * whose own count we cannot see after a quantity-only event.
   */
  private static boolean sourceMustBePushed(ChannelItemRecord item, ChannelType type, StockEvent event, int stock,
      int buffer) {
    int shown = type.levelToShow(stock, buffer);
    if (event instanceof LevelReport report) {
      return type.availabilityOnly() ? (report.level() > 0) != (shown > 0) : report.level() != shown;
    }
    if (type.availabilityOnly()) {
      Integer known = item.reportedLevel();
      return known == null || (known > 0) != (shown > 0);
    }
    return true;
  }
}
