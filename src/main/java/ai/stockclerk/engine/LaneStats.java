package ai.stockclerk.engine;

import java.time.Duration;

/** Depth (queued, due or delayed), jobs running and how long the oldest ready job has waited. */
public record LaneStats(long depth, long running, Duration oldestWait) {
  public static final LaneStats EMPTY = new LaneStats(0, 0, Duration.ZERO);
}
