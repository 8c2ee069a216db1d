package ai.stockclerk.store;

import ai.stockclerk.StockClerkException;

/** The row does not exist for the caller's tenant; another tenant's row is reported the same way. */
public class NotFoundException extends StockClerkException {
  public NotFoundException(String what) {
    super(what + " not found");
  }
}
