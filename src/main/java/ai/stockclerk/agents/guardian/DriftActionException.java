package ai.stockclerk.agents.guardian;

import ai.stockclerk.StockClerkException;
import java.util.UUID;

/** A drift action that cannot be carried out as asked (the channel lacks the item, shows only availability...). */
public class DriftActionException extends StockClerkException {

  public DriftActionException(String message, UUID tenantId, UUID channelId, boolean retryable) {
    super(message, tenantId, channelId, retryable, null);
  }
}
