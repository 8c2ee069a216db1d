package ai.stockclerk.channels.support;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.channels.ChannelException.Failure;
import ai.stockclerk.channels.ConnectorLimits;
import ai.stockclerk.engine.RateLimit;
import ai.stockclerk.engine.RateLimiter;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests we may send to one channel connection: a Bucket4j token bucket per channel id, filled at
 * the vendor's documented budget, and lowered or paused by what the vendor's answers say
 * (Retry-After, Shopify's throttle status). A wait longer than {@code maxWait} is not spent
 * holding a thread: the caller gets a retryable failure with the wait as its hint.
 *
 * <p>Those buckets are per node. The vendor counts every node's requests, so each request also
 * takes a token from the channel's bucket in the job engine's {@link RateLimiter} ({@code
 * vendor:<channel id>}, same budget), which in cluster mode every node shares through Redis.
 */
public final class RequestBudget {

  private static final Logger log = LoggerFactory.getLogger(RequestBudget.class);

  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(5);

  private final Map<UUID, ChannelBudget> budgets = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration maxWait;
  private final TimeMeter timeMeter;
  private final RateLimiter shared;

  /** A budget of this node alone (tests, tools without a job engine). */
  public RequestBudget(Clock clock, Sleeper sleeper, Duration maxWait) {
    this(clock, sleeper, maxWait, null);
  }

  /** {@code shared}: the engine's limiter whose buckets all nodes share; {@code null} for none. */
  public RequestBudget(Clock clock, Sleeper sleeper, Duration maxWait, RateLimiter shared) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.maxWait = maxWait;
    this.timeMeter = new ClockTimeMeter(clock);
    this.shared = shared;
  }

  public static RequestBudget systemDefault() {
    return new RequestBudget(Clock.systemUTC(), Sleeper.REAL, DEFAULT_MAX_WAIT);
  }

  /** Takes one request from the connection's budget, waiting up to {@code maxWait}. */
  public void acquire(ChannelConnection connection, ConnectorLimits limits) {
    ChannelBudget budget = budgetOf(connection.channelId(), limits);
    Duration waited = Duration.ZERO;
    while (true) {
      // The shared bucket last: none of its tokens goes to a request this node would hold back.
      Duration wait = budget.pausedFor(clock.millis());
      if (wait.isZero()) {
        wait = budget.tryTake();
      }
      if (wait.isZero()) {
        wait = sharedWait(connection.channelId(), limits);
        if (!wait.isZero()) {
          budget.giveBack();
        }
      }
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

  private Duration sharedWait(UUID channelId, ConnectorLimits limits) {
    if (shared == null) {
      return Duration.ZERO;
    }
    RateLimiter.Acquisition taken;
    try {
      taken = shared.tryAcquire("vendor:" + channelId,
          new RateLimit(Math.max(1, limits.requestsPerPeriod()), limits.period()), 1);
    } catch (RuntimeException unreachable) {
      // Redis unreachable: the node's own bucket still holds this node to the vendor's budget.
      log.warn("shared request budget unavailable ({}); channel {} uses this node's budget alone",
          unreachable.getClass().getSimpleName(), channelId);
      return Duration.ZERO;
    }
    return taken.granted() ? Duration.ZERO : wholeMillis(taken.retryAfter().toNanos());
  }

  /** Whole milliseconds, at least one: a shorter wait would ask again in the same millisecond. */
  private static Duration wholeMillis(long nanos) {
    return Duration.ofMillis(Math.max(1, (nanos + 999_999) / 1_000_000));
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

    Duration pausedFor(long nowMillis) {
      long pausedUntil = pausedUntilMillis.get();
      return pausedUntil > nowMillis ? Duration.ofMillis(pausedUntil - nowMillis) : Duration.ZERO;
    }

    Duration tryTake() {
      ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
      return probe.isConsumed() ? Duration.ZERO : wholeMillis(probe.getNanosToWaitForRefill());
    }

    void giveBack() {
      bucket.addTokens(1);
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
