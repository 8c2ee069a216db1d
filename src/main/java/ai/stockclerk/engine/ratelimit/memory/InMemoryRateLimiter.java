package ai.stockclerk.engine.ratelimit.memory;

import ai.stockclerk.engine.RateLimit;
import ai.stockclerk.engine.RateLimiter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/** Bucket4j local buckets on the injected clock. */
public final class InMemoryRateLimiter implements RateLimiter {

  private final Limits limits;
  private final TimeMeter time;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public InMemoryRateLimiter(Clock clock, Limits limits) {
    this.limits = limits;
    this.time = new ClockTimeMeter(clock);
  }

  @Override
  public Acquisition tryAcquire(String key, long permits) {
    return tryAcquire(key, limits.limitFor(key), permits);
  }

  @Override
  public Acquisition tryAcquire(String key, RateLimit limit, long permits) {
    ConsumptionProbe probe = buckets.computeIfAbsent(key, k -> bucket(limit)).tryConsumeAndReturnRemaining(permits);
    return new Acquisition(probe.isConsumed(), Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  private Bucket bucket(RateLimit limit) {
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
        .withCustomTimePrecision(time)
        .build();
  }

  /** Bucket4j's view of the injected clock. */
  public record ClockTimeMeter(Clock clock) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      return clock.millis() * 1_000_000;
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
