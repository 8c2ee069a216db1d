package ai.stockclerk.store;

import java.util.List;

/** One page of a list, with the total so clients can page through it. */
public record Page<T>(List<T> items, int page, int size, long total) {
  public Page {
    items = List.copyOf(items);
  }
}
