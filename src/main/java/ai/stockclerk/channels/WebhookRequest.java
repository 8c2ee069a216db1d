package ai.stockclerk.channels;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An inbound webhook exactly as received: the raw body bytes (signatures are computed over them,
 * never over re-serialised JSON), headers with case-insensitive names, and the full URL the vendor
 * called (Square signs it).
 */
public record WebhookRequest(String url, Map<String, List<String>> headers, byte[] body, Instant receivedAt) {

  public WebhookRequest {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    headers = copy;
    body = body.clone();
  }

  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
