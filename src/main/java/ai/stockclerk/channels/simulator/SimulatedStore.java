package ai.stockclerk.channels.simulator;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated channel's stock. Every change is one atomic map operation, so concurrent sales
 * and sets never lose an update. Counts the set calls, so tests can see coalescing work.
 */
public final class SimulatedStore {

  private final ConcurrentMap<String, SimulatedItem> items = new ConcurrentHashMap<>();
  private final AtomicLong setCalls = new AtomicLong();

  public SimulatedItem create(String externalId, String sku, String name, int level) {
    SimulatedItem item = new SimulatedItem(externalId, sku, name == null ? "Item " + externalId : name, level);
    items.put(externalId, item);
    return item;
  }

  public Optional<SimulatedItem> find(String externalId) {
    return Optional.ofNullable(items.get(externalId));
  }

  /** Items in a stable order, so paging is repeatable. */
  public List<SimulatedItem> all() {
    return items.values().stream().sorted(Comparator.comparing(SimulatedItem::externalId, SimulatedStore::byNumberThenText)).toList();
  }

  /** Sets a level; empty when the item does not exist. */
  public Optional<SimulatedItem> set(String externalId, int level) {
    return Optional.ofNullable(items.computeIfPresent(externalId, (id, item) -> item.withLevel(level)));
  }

  /** Changes a level by a delta (a sale is negative); empty when the item does not exist. */
  public Optional<SimulatedItem> adjust(String externalId, int delta) {
    return Optional.ofNullable(items.computeIfPresent(externalId, (id, item) -> item.withLevel(item.level() + delta)));
  }

  public void countSetCall() {
    setCalls.incrementAndGet();
  }

  public long setCalls() {
    return setCalls.get();
  }

  private static int byNumberThenText(String a, String b) {
    boolean na = a.chars().allMatch(Character::isDigit) && !a.isEmpty() && a.length() < 19;
    boolean nb = b.chars().allMatch(Character::isDigit) && !b.isEmpty() && b.length() < 19;
    if (na && nb) {
      return Long.compare(Long.parseLong(a), Long.parseLong(b));
    }
    return a.compareTo(b);
  }
}
