package ai.stockclerk.store;

import ai.stockclerk.StockClerkException;

/** The change clashes with existing data (a duplicate SKU, e-mail or mapping). */
public class ConflictException extends StockClerkException {
  public ConflictException(String message) {
    super(message);
  }
}
