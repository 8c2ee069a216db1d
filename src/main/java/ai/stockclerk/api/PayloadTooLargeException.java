package ai.stockclerk.api;

import java.io.IOException;

/** Thrown by the body stream when a request grows past the limit while it is read. */
class PayloadTooLargeException extends IOException {
  PayloadTooLargeException(long maxBytes) {
    super("request body is larger than " + maxBytes + " bytes");
  }
}
