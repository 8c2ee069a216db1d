package ai.stockclerk.agents.guardian;

import ai.stockclerk.StockClerkException;
import java.util.UUID;

/** The tenant is paused or cancelled: its agents do not run until it is resumed. */
public class TenantNotRunningException extends StockClerkException {

  public TenantNotRunningException(UUID tenantId, String status) {
    super("the account is " + status + ": reconciliation resumes when it is active again", tenantId, null, false, null);
  }
}
