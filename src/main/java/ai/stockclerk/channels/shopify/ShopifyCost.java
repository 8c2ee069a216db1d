package ai.stockclerk.channels.shopify;

import java.time.Duration;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * {@code extensions.cost} of a GraphQL answer: what the query cost and how full the shop's leaky
 * bucket is. Read at run time, since the bucket size and restore rate depend on the shop's plan.
 */
record ShopifyCost(double requestedCost, double actualCost, double currentlyAvailable, double restoreRate) {

  static ShopifyCost of(JsonNode answer) {
    JsonNode cost = answer.path("extensions").path("cost");
    JsonNode throttle = cost.path("throttleStatus");
    return new ShopifyCost(
        cost.path("requestedQueryCost").asDouble(0),
        cost.path("actualQueryCost").asDouble(0),
        throttle.path("currentlyAvailable").asDouble(-1),
        throttle.path("restoreRate").asDouble(0));
  }

  /** How many more queries like this one the bucket holds now, if Shopify said. */
  OptionalLong remainingRequests() {
    double perQuery = Math.max(actualCost, requestedCost);
    if (currentlyAvailable < 0 || perQuery <= 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of((long) Math.floor(currentlyAvailable / perQuery));
  }

  /** Time for the bucket to hold one more query of this cost; one second when unknown. */
  Duration waitForNextQuery() {
    if (restoreRate <= 0 || currentlyAvailable < 0) {
      return Duration.ofSeconds(1);
    }
    double missing = Math.max(0, requestedCost - currentlyAvailable);
    return Duration.ofMillis(Math.max(100, (long) Math.ceil(missing / restoreRate * 1000)));
  }
}
