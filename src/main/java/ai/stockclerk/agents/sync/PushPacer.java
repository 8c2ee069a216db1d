package ai.stockclerk.agents.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps pushes to one channel at least {@code minInterval} apart, so a burst of sales becomes a few
 * pushes that each carry the latest level instead of one push per sale; and one at a time, since
 * two pushes in flight could be acknowledged in the wrong order and leave the older level shown.
 */
final class PushPacer {

  private final Map<UUID, Long> lastPushMillis = new ConcurrentHashMap<>();
  private final java.util.Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
  private final Duration minInterval;
  private final long minIntervalMillis;
  private final Clock clock;

  PushPacer(Duration minInterval, Clock clock) {
    this.minInterval = minInterval;
    this.minIntervalMillis = minInterval.toMillis();
    this.clock = clock;
  }

  /** Zero when a push may go now (and books it until {@link #release}); otherwise how long to wait. */
  Duration reserve(UUID channelId) {
    if (!inFlight.add(channelId)) {
      return minInterval;
    }
    Duration wait = reserveSlot(channelId);
    if (!wait.isZero()) {
      inFlight.remove(channelId);
    }
    return wait;
  }

  void release(UUID channelId) {
    inFlight.remove(channelId);
  }

  /**
   * In whole milliseconds, as the engine schedules delayed jobs: a wait of a fraction of a
   * millisecond would come due in the same millisecond and ask again, over and over, until it passed.
   */
  private Duration reserveSlot(UUID channelId) {
    long now = clock.millis();
    long[] wait = {0};
    lastPushMillis.compute(channelId, (id, last) -> {
      if (last != null && now < last + minIntervalMillis) {
        wait[0] = last + minIntervalMillis - now;
        return last;
      }
      return now;
    });
    return Duration.ofMillis(wait[0]);
  }
}
