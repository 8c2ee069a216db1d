package ai.stockclerk.channels;

import ai.stockclerk.StockClerkException;

/** A webhook refused before anything is written: bad signature (401) or unreadable payload (400). */
public class WebhookRejectedException extends StockClerkException {

  /** Why it was refused; the ingest endpoint maps each reason to an HTTP status. */
  public enum Reason {
    SIGNATURE,
    MALFORMED
  }

  private final Reason reason;

  public WebhookRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
