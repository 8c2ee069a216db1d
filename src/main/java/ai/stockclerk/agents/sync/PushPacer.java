package ai.stockclerk.agents.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps pushes to one channel at least {@code minInterval} apart, so a burst of sales becomes a few
 * pushes that each carry the latest level instead of one push per sale; and one at a time, since
 * two pushes in flight could be acknowledged in the wrong order and leave the older level shown.
 */
final class PushPacer {

  private final Map<UUID, Instant> lastPush = new ConcurrentHashMap<>();
  private final java.util.Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
  private final Duration minInterval;
  private final Clock clock;

  PushPacer(Duration minInterval, Clock clock) {
    this.minInterval = minInterval;
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

  private Duration reserveSlot(UUID channelId) {
    Instant now = clock.instant();
    Duration[] wait = {Duration.ZERO};
    lastPush.compute(channelId, (id, last) -> {
      if (last != null && now.isBefore(last.plus(minInterval))) {
        wait[0] = Duration.between(now, last.plus(minInterval));
        return last;
      }
      return now;
    });
    return wait[0];
  }
}
