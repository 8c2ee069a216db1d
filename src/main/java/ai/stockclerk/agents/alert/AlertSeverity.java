package ai.stockclerk.agents.alert;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How urgent an alert is; ordered, so a tenant can ask to be notified from a level up. */
public enum AlertSeverity {
  LOW,
  MEDIUM,
  HIGH;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(AlertSeverity other) {
    return compareTo(other) >= 0;
  }

  public static Optional<AlertSeverity> fromWireName(String value) {
    return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
  }
}
