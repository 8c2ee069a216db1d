package ai.stockclerk.agents.guardian;

import ai.stockclerk.StockClerkException;
import java.util.UUID;

/** Another run of this tenant holds its lease (on this node or another): one run at a time. */
public class ReconcileBusyException extends StockClerkException {

  public ReconcileBusyException(UUID tenantId) {
    super("a reconciliation of this tenant is already running; try again when it has finished", tenantId, null, true,
        null);
  }
}
