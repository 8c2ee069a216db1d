package ai.stockclerk.secrets;

import ai.stockclerk.StockClerkException;

/** A stored secret that cannot be read: unknown key id, tampered or truncated value. */
public class SecretException extends StockClerkException {
  public SecretException(String message) {
    super(message);
  }
}
