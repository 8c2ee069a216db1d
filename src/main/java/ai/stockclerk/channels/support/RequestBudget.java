package ai.stockclerk.channels.support;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.channels.ChannelException.Failure;
import ai.stockclerk.channels.ConnectorLimits;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests a node may send to one channel connection: a Bucket4j token bucket per channel id,
 * filled at the vendor's documented budget, and lowered or paused by what the vendor's answers
 * say (Retry-After, Shopify's throttle status). A wait longer than {@code maxWait} is not spent
 * holding a thread: the caller gets a retryable failure with the wait as its hint.
 *
 * <p>This budget is per node; the job engine's cluster-wide limiter sits in front of it.
 */
public final class RequestBudget {

  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(5);

  private final Map<UUID, ChannelBudget> budgets = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration maxWait;
  private final TimeMeter timeMeter;

  public RequestBudget(Clock clock, Sleeper sleeper, Duration maxWait) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.maxWait = maxWait;
    this.timeMeter = new ClockTimeMeter(clock);
  }

  public static RequestBudget systemDefault() {
    return new RequestBudget(Clock.systemUTC(), Sleeper.REAL, DEFAULT_MAX_WAIT);
  }

  /** Takes one request from the connection's budget, waiting up to {@code maxWait}. */
  public void acquire(ChannelConnection connection, ConnectorLimits limits) {
    ChannelBudget budget = budgetOf(connection.channelId(), limits);
    Duration waited = Duration.ZERO;
    while (true) {
      Duration wait = budget.tryTake(clock.millis());
      if (wait.isZero()) {
        return;
      }
      if (waited.plus(wait).compareTo(maxWait) > 0) {
        throw new ChannelException(
            "request budget of the channel is spent", connection, Failure.RETRYABLE, wait, null);
      }
      sleepFor(connection, wait);
      waited = waited.plus(wait);
    }
  }

  /** The vendor asked us to wait (429 + Retry-After, a throttled answer): pause the channel. */
  public void pause(UUID channelId, ConnectorLimits limits, Duration wait) {
    budgetOf(channelId, limits).pauseUntil(clock.millis() + wait.toMillis());
  }

  /**
   * The vendor reported how many requests are left in its own bucket: never believe we have more
   * than that (another app or node may share the vendor's bucket).
   */
  public void observeRemaining(UUID channelId, ConnectorLimits limits, long remaining) {
    budgetOf(channelId, limits).lowerTo(Math.max(0, remaining));
  }

  /** Requests available right now, for tests and metrics. */
  public long available(UUID channelId, ConnectorLimits limits) {
    return budgetOf(channelId, limits).bucket.getAvailableTokens();
  }

  private ChannelBudget budgetOf(UUID channelId, ConnectorLimits limits) {
    return budgets.computeIfAbsent(channelId, id -> new ChannelBudget(newBucket(limits)));
  }

  private Bucket newBucket(ConnectorLimits limits) {
    long capacity = Math.max(1, limits.requestsPerPeriod());
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, limits.period()))
        .withCustomTimePrecision(timeMeter)
        .build();
  }

  private void sleepFor(ChannelConnection connection, Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new ChannelException("interrupted waiting for the request budget", connection,
          Failure.RETRYABLE, wait, interrupted);
    }
  }

  /** One channel's bucket plus the instant until which the vendor told us to stay quiet. */
  private static final class ChannelBudget {
    private final Bucket bucket;
    private final AtomicLong pausedUntilMillis = new AtomicLong();

    ChannelBudget(Bucket bucket) {
      this.bucket = bucket;
    }

    Duration tryTake(long nowMillis) {
      long pausedUntil = pausedUntilMillis.get();
      if (pausedUntil > nowMillis) {
        return Duration.ofMillis(pausedUntil - nowMillis);
      }
      ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
      if (probe.isConsumed()) {
        return Duration.ZERO;
      }
      return Duration.ofMillis(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999) / 1_000_000));
    }

    void pauseUntil(long untilMillis) {
      pausedUntilMillis.accumulateAndGet(untilMillis, Math::max);
    }

    void lowerTo(long remaining) {
      long excess = bucket.getAvailableTokens() - remaining;
      if (excess > 0) {
        bucket.tryConsumeAsMuchAsPossible(excess);
      }
    }
  }

  /** Lets tests move the bucket's time with the same clock they move everything else with. */
  private record ClockTimeMeter(Clock clock) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      return clock.millis() * 1_000_000L;
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
