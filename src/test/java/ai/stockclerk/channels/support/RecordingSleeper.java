package ai.stockclerk.channels.support;

import ai.stockclerk.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the waits asked for and moves a clock by them instead of sleeping. */
public final class RecordingSleeper implements Sleeper {

  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final MutableClock clock;

  public RecordingSleeper(MutableClock clock) {
    this.clock = clock;
  }

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
    if (clock != null) {
      clock.advance(duration);
    }
  }

  public List<Duration> waits() {
    return List.copyOf(waits);
  }

  public Duration total() {
    return waits.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
