package ai.stockclerk.tenants;

import ai.stockclerk.StockClerkException;

/** The tenant's plan does not allow the change (for example, one channel more than it includes). */
public class PlanLimitException extends StockClerkException {
  public PlanLimitException(String message) {
    super(message);
  }
}
