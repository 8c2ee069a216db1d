package ai.stockclerk.api;

import ai.stockclerk.StockClerkException;

/** A request that passed field validation but does not make sense as a whole. */
class InvalidRequestException extends StockClerkException {
  InvalidRequestException(String message) {
    super(message);
  }
}
