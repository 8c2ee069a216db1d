package ai.stockclerk.agents.alert;

/**
 * A send did not go through. {@code permanent} means retrying cannot help (the receiver refused the
 * request as such); the message names the cause without any secret, URL credentials or body.
 */
final class SendFailure extends Exception {

  private final boolean permanent;

  SendFailure(String message, boolean permanent) {
    super(message, null, false, false);
    this.permanent = permanent;
  }

  boolean permanent() {
    return permanent;
  }
}
