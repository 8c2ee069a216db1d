package ai.stockclerk.engine;

import java.time.Duration;

/** Thrown by a handler that knows when to try again (an HTTP 429's Retry-After, say). */
public class RetryLaterException extends RuntimeException {

  private final Duration after;

  public RetryLaterException(String message, Duration after) {
    super(message);
    this.after = after;
  }

  public Duration after() {
    return after;
  }
}
