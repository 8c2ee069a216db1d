package ai.stockclerk.tenants;

import ai.stockclerk.StockClerkException;

/** Wrong e-mail or password; deliberately does not say which. */
public class InvalidCredentialsException extends StockClerkException {
  public InvalidCredentialsException() {
    super("invalid e-mail or password");
  }
}
