package ai.stockclerk.channels.support;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelException;
import java.time.Duration;
import java.util.OptionalInt;

/** A vendor call that failed, with the HTTP status when the vendor answered at all. */
public class VendorCallException extends ChannelException {

  private final int httpStatus;

  public VendorCallException(
      String message,
      ChannelConnection connection,
      Failure failure,
      int httpStatus,
      Duration retryAfter,
      Throwable cause) {
    super(message, connection, failure, retryAfter, cause);
    this.httpStatus = httpStatus;
  }

  /** Empty when no HTTP answer came (timeout, connection refused). */
  public OptionalInt httpStatus() {
    return httpStatus > 0 ? OptionalInt.of(httpStatus) : OptionalInt.empty();
  }
}
