package ai.stockclerk.api;

import ai.stockclerk.StockClerkException;

/** The caller is signed in but their role does not allow this change. */
class ForbiddenException extends StockClerkException {
  ForbiddenException(String message) {
    super(message);
  }
}
