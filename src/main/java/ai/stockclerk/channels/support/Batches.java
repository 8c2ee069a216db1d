package ai.stockclerk.channels.support;

import java.util.ArrayList;
import java.util.List;

/** Splits bulk work at a vendor's batch limit. */
public final class Batches {

  private Batches() {}

  /** Consecutive slices of at most {@code size} elements, in order; none for an empty list. */
  public static <T> List<List<T>> split(List<T> items, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("batch size must be at least 1");
    }
    List<List<T>> batches = new ArrayList<>((items.size() + size - 1) / size);
    for (int from = 0; from < items.size(); from += size) {
      batches.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
    }
    return batches;
  }
}
