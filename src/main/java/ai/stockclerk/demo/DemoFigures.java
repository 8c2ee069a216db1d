package ai.stockclerk.demo;

/** The demo's summary: what a newcomer should see moving. */
public record DemoFigures(long salesSent, long movements, long pushes, long driftRepaired, long driftFlagged,
    long openAlerts) {

  public String line() {
    return String.format("sales sent %d · stock movements %d · pushes to channels %d · drift repaired %d"
        + " (flagged %d) · open alerts %d", salesSent, movements, pushes, driftRepaired, driftFlagged, openAlerts);
  }
}
