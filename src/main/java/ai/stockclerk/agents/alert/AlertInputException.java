package ai.stockclerk.agents.alert;

import ai.stockclerk.StockClerkException;

/** An alert, an alert filter or notification settings that cannot be accepted as given. */
public class AlertInputException extends StockClerkException {
  public AlertInputException(String message) {
    super(message);
  }
}
