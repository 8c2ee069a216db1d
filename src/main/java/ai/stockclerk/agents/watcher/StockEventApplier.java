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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Applies the stock events of one webhook inside the tenant's transaction (the caller's): finds
 * each item's product, turns the event into a delta through the ledger (which marks the other
 * channels dirty), and marks the source channel too when the level it shows must differ.
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

  WebhookOutcome apply(UUID channelId, ChannelType type, List<StockEvent> events) {
    Applying applying = new Applying(channelId);
    for (StockEvent event : events) {
      applyOne(applying, type, event, items.findByExternalId(channelId, event.externalId()));
    }
    return applying.outcome();
  }

  /** An event of one webhook with the item it names, found before any stock moves. */
  record Pending(Applying into, ChannelType type, StockEvent event, Optional<ChannelItemRecord> item) {}

  /** Finds the item each event names, so a batch can apply them in a lock order. */
  Pending pending(Applying into, ChannelType type, StockEvent event) {
    return new Pending(into, type, event, items.findByExternalId(into.channelId, event.externalId()));
  }

  /**
   * Applies several webhooks' events product by product (in each product, in arrival order):
   * products and their channel items are then locked in one order by every batch and every push
   * acknowledgement, so two of them never wait on each other.
   */
  void applyInProductOrder(List<Pending> events) {
    List<Pending> ordered = new ArrayList<>(events);
    ordered.sort(java.util.Comparator.comparing(
        (Pending p) -> p.item().map(ChannelItemRecord::productId).orElse(null),
        java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
    for (Pending pending : ordered) {
      applyOne(pending.into(), pending.type(), pending.event(), pending.item());
    }
  }

  private void applyOne(Applying applying, ChannelType type, StockEvent event, Optional<ChannelItemRecord> item) {
    if (item.isEmpty()) {
      applying.unmapped.add(event.externalId());
      return;
    }
    Optional<Movement> movement = event instanceof LevelReport report
        ? levelReport(item.get(), type, report)
        : Optional.of(quantityChange(item.get(), (QuantityChange) event));
    if (movement.isEmpty()) {
      applying.echoes += event instanceof LevelReport ? 1 : 0;
      return;
    }
    Movement moved = movement.get();
    ProductRecord product = products.get(moved.productId());
    if (sourceMustBePushed(item.get(), type, event, moved.resultingStock(), product.bufferStock())) {
      pushStates.markDirty(item.get().id());
    }
    applying.changes.add(new AppliedChange(product.id(), product.sku(), moved.resultingStock(), moved.delta(),
        moved.kind(), applying.channelId));
    applying.toSync.addAll(pushStates.channelsOwing(product.id()));
  }

  /** What one webhook's events did so far. */
  static final class Applying {
    private final UUID channelId;
    private final List<AppliedChange> changes = new ArrayList<>();
    private final List<String> unmapped = new ArrayList<>();
    private final Set<UUID> toSync = new LinkedHashSet<>();
    private int echoes;

    Applying(UUID channelId) {
      this.channelId = channelId;
    }

    WebhookOutcome outcome() {
      return new WebhookOutcome(channelId, changes, unmapped, toSync, echoes);
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
