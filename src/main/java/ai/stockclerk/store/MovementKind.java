package ai.stockclerk.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why stock moved; stored lower-case in the ledger. */
public enum MovementKind {
  SALE,
  RETURN,
  RESTOCK,
  ADJUSTMENT,
  ORDER,
  CORRECTION;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<MovementKind> fromWireName(String value) {
    return Arrays.stream(values()).filter(k -> k.wireName().equals(value)).findFirst();
  }
}
