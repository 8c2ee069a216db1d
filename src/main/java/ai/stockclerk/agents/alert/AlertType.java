package ai.stockclerk.agents.alert;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an alert is about; the wire names are the values stored and shown by the API. */
public enum AlertType {
  LOW_STOCK,
  SYNC_ERROR,
  CHANNEL_DISCONNECTED,
  DRIFT,
  UNMAPPED_ITEM,
  SYSTEM;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AlertType> fromWireName(String value) {
    return Arrays.stream(values()).filter(t -> t.wireName().equals(value)).findFirst();
  }
}
