package ai.stockclerk.demo;

import java.time.Duration;

/**
 * How lively the demo is.
 *
 * @param saleEvery time between two simulated sales (each on a random channel)
 * @param driftEvery time between two "manual edits" in a simulator's back office (no webhook)
 * @param largeDriftEach every n-th edit is too large for Guardian to repair alone, so it raises an alert
 * @param guardianInterval Guardian's per-tenant interval in the demo (15 minutes in production)
 * @param summaryEvery time between two printed summary lines
 */
public record DemoSettings(Duration saleEvery, Duration driftEvery, int largeDriftEach, Duration guardianInterval,
    Duration summaryEvery) {

  public static final String EMAIL = "demo@stockclerk.local";
  public static final String PASSWORD = "stockclerk-demo";
  public static final String TENANT = "Demo Bakery";

  /** A gentle pace for people watching. */
  public static DemoSettings gentle() {
    return new DemoSettings(Duration.ofMillis(1500), Duration.ofSeconds(15), 4, Duration.ofSeconds(20),
        Duration.ofSeconds(5));
  }

  /** A brisk pace, so a test sees everything within seconds. */
  public static DemoSettings brisk() {
    return new DemoSettings(Duration.ofMillis(250), Duration.ofSeconds(2), 4, Duration.ofSeconds(4),
        Duration.ofSeconds(2));
  }
}
