package ai.stockclerk.channels.simulator;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import ai.stockclerk.channels.support.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * One vendor's side of the wire: the endpoints our connector calls, in the vendor's format, and
 * the webhook the vendor sends when stock changes. Add a vendor by implementing this and listing
 * it in {@link SimulatorDialects}.
 */
public interface SimulatorDialect {

  /** The name used by {@code stockclerk simulate --vendor}. */
  String vendor();

  /** Answers a vendor API call; empty when the path is not one this vendor serves (404). */
  Optional<SimResponse> handle(SimRequest request, SimulatedStore store);

  /**
   * The webhook the vendor sends after {@code item} changed (a sale lowered it).
   *
   * @param target the URL it is delivered to (Square signs it)
   * @param secret the webhook secret or signing key
   */
  OutgoingWebhook stockChanged(SimulatedItem item, int soldQuantity, URI target, String secret, Instant at);

  /** The vendor's answer when its rate limit is exceeded. */
  default SimResponse throttled(Duration retryAfter) {
    ObjectNode body = Json.object().put("error", "rate limited");
    return SimResponse.json(429, body, Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds()))));
  }

  /** The vendor's answer to refused credentials. */
  default SimResponse unauthorized() {
    return SimResponse.json(401, Json.object().put("error", "unauthorized"));
  }
}
