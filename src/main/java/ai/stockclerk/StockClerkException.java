package ai.stockclerk;

import java.util.Optional;
import java.util.UUID;

/**
 * Root of every exception StockClerk throws on purpose. Subclasses say which tenant and channel a
 * failure belongs to and whether retrying can help, so background loops and the API can decide
 * what to do without parsing messages.
 */
public class StockClerkException extends RuntimeException {

  private final UUID tenantId;
  private final UUID channelId;
  private final boolean retryable;

  public StockClerkException(String message, UUID tenantId, UUID channelId, boolean retryable, Throwable cause) {
    super(message, cause);
    this.tenantId = tenantId;
    this.channelId = channelId;
    this.retryable = retryable;
  }

  public StockClerkException(String message) {
    this(message, null, null, false, null);
  }

  public Optional<UUID> tenantId() {
    return Optional.ofNullable(tenantId);
  }

  public Optional<UUID> channelId() {
    return Optional.ofNullable(channelId);
  }

  public boolean retryable() {
    return retryable;
  }
}
