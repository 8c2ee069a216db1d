package ai.stockclerk.channels;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a bulk set: the items the vendor acknowledged, and the items it refused for good
 * with the reason. A retryable or authentication failure of the whole call is thrown instead.
 */
public record PushResult(List<String> acknowledged, Map<String, String> rejected) {
  public PushResult {
    acknowledged = List.copyOf(acknowledged);
    rejected = Map.copyOf(rejected);
  }
}
