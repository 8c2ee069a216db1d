package ai.stockclerk.channels.support;

import ai.stockclerk.channels.ChannelException.Failure;

/** What an HTTP status means for the caller; one rule for every vendor. */
final class FailureClassifier {

  private FailureClassifier() {}

  static Failure forStatus(int status) {
    if (status == 401 || status == 403) {
      return Failure.AUTHENTICATION;
    }
    // 408 (timeout), 425 (too early), 429 (rate limited) and every 5xx may succeed later.
    if (status == 408 || status == 425 || status == 429 || status >= 500) {
      return Failure.RETRYABLE;
    }
    return Failure.ITEM_PERMANENT;
  }
}
