package ai.stockclerk.agents.guardian;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;

/**
 * Guardian's figures for Prometheus: execution time per tenant run (the original system's first
 * scaling trigger, at 10 s), items checked, drift found, repaired and flagged, and skipped runs.
 */
final class GuardianMetrics {

  private final Timer runTime;
  private final Counter itemsChecked;
  private final Counter driftFound;
  private final Counter driftRepaired;
  private final Counter driftFlagged;
  private final Counter channelErrors;
  private final Counter skipped;

  GuardianMetrics(MeterRegistry registry) {
    MeterRegistry meters = registry == null ? new SimpleMeterRegistry() : registry;
    runTime = Timer.builder("stockclerk.guardian.execution").description("time of one tenant's reconciliation run")
        .publishPercentiles(0.5, 0.95, 0.99).register(meters);
    itemsChecked = Counter.builder("stockclerk.guardian.items.checked")
        .description("mapped channel items compared with the channel").register(meters);
    driftFound = Counter.builder("stockclerk.guardian.drift.found").register(meters);
    driftRepaired = Counter.builder("stockclerk.guardian.drift.repaired").register(meters);
    driftFlagged = Counter.builder("stockclerk.guardian.drift.flagged").register(meters);
    channelErrors = Counter.builder("stockclerk.guardian.channel.errors")
        .description("channels a run could not check").register(meters);
    skipped = Counter.builder("stockclerk.guardian.runs.skipped")
        .description("runs not started because another run of the tenant held its lease").register(meters);
  }

  void run(Duration took, int checked, int found, int repaired, int flagged, int errors) {
    runTime.record(took);
    itemsChecked.increment(checked);
    driftFound.increment(found);
    driftRepaired.increment(repaired);
    driftFlagged.increment(flagged);
    channelErrors.increment(errors);
  }

  void skipped() {
    skipped.increment();
  }
}
