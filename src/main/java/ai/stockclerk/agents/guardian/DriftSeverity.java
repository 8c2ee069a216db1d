package ai.stockclerk.agents.guardian;

import ai.stockclerk.agents.alert.AlertSeverity;

/** How urgent a drift is, by its size in units: low under 5, medium under 10, high from 10. */
final class DriftSeverity {

  static final int MEDIUM_FROM = 5;
  static final int HIGH_FROM = 10;

  private DriftSeverity() {}

  static AlertSeverity of(int drift) {
    int size = Math.abs(drift);
    if (size >= HIGH_FROM) {
      return AlertSeverity.HIGH;
    }
    return size >= MEDIUM_FROM ? AlertSeverity.MEDIUM : AlertSeverity.LOW;
  }
}
