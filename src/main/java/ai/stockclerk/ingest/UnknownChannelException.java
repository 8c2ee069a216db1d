package ai.stockclerk.ingest;

import ai.stockclerk.StockClerkException;

/** No active channel answers to this webhook; the answer says nothing more (other tenants exist). */
class UnknownChannelException extends StockClerkException {
  UnknownChannelException() {
    super("no such channel");
  }
}
