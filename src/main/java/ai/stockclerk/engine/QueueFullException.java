package ai.stockclerk.engine;

import ai.stockclerk.StockClerkException;
import java.util.UUID;

/** Enqueue refused because the tenant's lane for this kind is at its maximum depth: back off. */
public class QueueFullException extends StockClerkException {

  private final String tenant;
  private final JobKind kind;
  private final long maxDepth;

  public QueueFullException(String tenant, JobKind kind, long maxDepth) {
    super("queue full for tenant " + tenant + ", kind " + kind + " (max depth " + maxDepth + ")",
        uuidOrNull(tenant), null, true, null);
    this.tenant = tenant;
    this.kind = kind;
    this.maxDepth = maxDepth;
  }

  public String tenant() {
    return tenant;
  }

  public JobKind kind() {
    return kind;
  }

  public long maxDepth() {
    return maxDepth;
  }

  private static UUID uuidOrNull(String tenant) {
    try {
      return UUID.fromString(tenant);
    } catch (IllegalArgumentException notUuid) {
      return null;
    }
  }
}
