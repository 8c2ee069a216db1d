package ai.stockclerk.engine.lanes;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Deficit round robin over lanes with unit job cost: each turn a lane may take {@code quantum ×
 * weight} jobs, then goes to the back of the ring. A lane that is active but not eligible (paused,
 * at a cap) is passed over without credit, so it cannot save up a burst. Not thread-safe: the
 * owning queue guards it.
 */
public final class DeficitRoundRobin<K> {

  public static final int DEFAULT_QUANTUM = 1;

  private final int quantum;
  private final ToIntFunction<K> weights;
  private final ArrayDeque<K> ring = new ArrayDeque<>();
  private final Map<K, Integer> credit = new HashMap<>();

  public DeficitRoundRobin(int quantum, ToIntFunction<K> weights) {
    if (quantum < 1) {
      throw new IllegalArgumentException("quantum must be at least 1");
    }
    this.quantum = quantum;
    this.weights = weights;
  }

  /** Marks a lane as having work; no effect when it is already in the ring. */
  public void activate(K lane) {
    if (credit.putIfAbsent(lane, 0) == null) {
      ring.addLast(lane);
    }
  }

  /** The lane has no more work: it leaves the ring and loses its credit. */
  public void deactivate(K lane) {
    if (credit.remove(lane) == null) {
      return;
    }
    // The lane just served sits at either end, so this is O(1) in the common case.
    if (lane.equals(ring.peekFirst())) {
      ring.pollFirst();
    } else if (lane.equals(ring.peekLast())) {
      ring.pollLast();
    } else {
      ring.remove(lane);
    }
  }

  public boolean isActive(K lane) {
    return credit.containsKey(lane);
  }

  public int activeLanes() {
    return ring.size();
  }

  /** Whether some active lane is eligible, without spending credit. */
  public boolean hasEligible(Predicate<K> eligible) {
    for (K lane : ring) {
      if (eligible.test(lane)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Spends one unit of credit of the next eligible lane and returns it, or null when no active lane
   * is eligible. The caller dispatches one job from it, then deactivates it if it ran dry.
   */
  public K next(Predicate<K> eligible) {
    for (int scanned = 0, size = ring.size(); scanned < size; scanned++) {
      K lane = ring.peekFirst();
      if (!eligible.test(lane)) {
        credit.put(lane, 0);
        ring.addLast(ring.pollFirst());
        continue;
      }
      int left = credit.get(lane);
      if (left == 0) {
        left = quantum * Math.max(1, weights.applyAsInt(lane));
      }
      left--;
      credit.put(lane, left);
      if (left == 0) {
        ring.addLast(ring.pollFirst());
      }
      return lane;
    }
    return null;
  }
}
