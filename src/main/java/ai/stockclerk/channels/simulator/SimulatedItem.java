package ai.stockclerk.channels.simulator;

/** One item the simulated channel holds. */
public record SimulatedItem(String externalId, String sku, String name, int level) {

  public SimulatedItem withLevel(int newLevel) {
    return new SimulatedItem(externalId, sku, name, newLevel);
  }

  public boolean available() {
    return level > 0;
  }
}
