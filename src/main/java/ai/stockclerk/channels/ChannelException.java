package ai.stockclerk.channels;

import ai.stockclerk.StockClerkException;
import java.time.Duration;
import java.util.Optional;

/** A failed call to a vendor, classified so the caller knows whether to retry, skip or disconnect. */
public class ChannelException extends StockClerkException {

  /** What the failure means for the caller. */
  public enum Failure {
    /** Try again later (429, 5xx, timeouts, connection errors). */
    RETRYABLE,
    /** The vendor refused this item for good (unknown id, invalid value): retrying will not help. */
    ITEM_PERMANENT,
    /** The credentials were refused: the channel is disconnected until a person fixes them. */
    AUTHENTICATION
  }

  private final Failure failure;
  private final Duration retryAfter;

  public ChannelException(
      String message, ChannelConnection connection, Failure failure, Duration retryAfter, Throwable cause) {
    super(
        message,
        connection == null ? null : connection.tenantId(),
        connection == null ? null : connection.channelId(),
        failure == Failure.RETRYABLE,
        cause);
    this.failure = failure;
    this.retryAfter = retryAfter;
  }

  public Failure failure() {
    return failure;
  }

  /** The vendor's own "retry after" hint, when it gave one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
