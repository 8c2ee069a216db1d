package ai.stockclerk.agents.alert;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The states an alert moves through: open → read → resolved. */
public enum AlertStatus {
  OPEN,
  READ,
  RESOLVED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AlertStatus> fromWireName(String value) {
    return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
  }
}
