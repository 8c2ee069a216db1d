package ai.stockclerk.agents.alert;

import java.util.Locale;

/** The ways an alert leaves StockClerk besides the in-app list and live stream. */
enum DeliveryMedium {
  EMAIL,
  WEBHOOK;

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static DeliveryMedium fromWireName(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
