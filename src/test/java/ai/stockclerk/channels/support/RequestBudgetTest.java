package ai.stockclerk.channels.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.ConnectorLimits;
import ai.stockclerk.engine.RateLimit;
import ai.stockclerk.engine.RateLimiter;
import ai.stockclerk.engine.ratelimit.memory.InMemoryRateLimiter;
import ai.stockclerk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {

  private static final ConnectorLimits FIFTY_A_MINUTE = new ConnectorLimits(100, 50, Duration.ofMinutes(1));

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final ChannelConnection connection =
      TestConnections.of(ChannelType.WOOCOMMERCE, null, Map.of(), Map.of(), "s");

  @Test
  void manyThreadsNeverGetMoreThanTheBudget() throws Exception {
    RequestBudget budget = new RequestBudget(clock, new RecordingSleeper(clock), Duration.ZERO);
    AtomicInteger granted = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      futures.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < 10; i++) {
          try {
            budget.acquire(connection, FIFTY_A_MINUTE);
            granted.incrementAndGet();
          } catch (ChannelException spent) {
            refused.incrementAndGet();
          }
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get(10, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(granted.get()).isEqualTo(50);
    assertThat(refused.get()).isEqualTo(110);
  }

  @Test
  void waitsForRefillWithinMaxWait() {
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    RequestBudget budget = new RequestBudget(clock, sleeper, Duration.ofSeconds(5));
    ConnectorLimits twoPerSecond = new ConnectorLimits(10, 2, Duration.ofSeconds(1));
    for (int i = 0; i < 5; i++) {
      budget.acquire(connection, twoPerSecond);
    }
    assertThat(sleeper.total()).isBetween(Duration.ofMillis(1400), Duration.ofMillis(1600));
  }

  @Test
  void pauseFromVendorIsRespectedAndReported() {
    RequestBudget budget = new RequestBudget(clock, new RecordingSleeper(clock), Duration.ofSeconds(1));
    budget.pause(connection.channelId(), FIFTY_A_MINUTE, Duration.ofSeconds(30));

    assertThatThrownBy(() -> budget.acquire(connection, FIFTY_A_MINUTE))
        .isInstanceOfSatisfying(ChannelException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        });
    clock.advance(Duration.ofSeconds(30));
    budget.acquire(connection, FIFTY_A_MINUTE);
  }

  @Test
  void nodesSharingTheEnginesLimiterSpendOneBudgetBetweenThem() {
    InMemoryRateLimiter engine = new InMemoryRateLimiter(clock, key -> new RateLimit(1, Duration.ofHours(1)));
    ConnectorLimits twoPerSecond = new ConnectorLimits(10, 2, Duration.ofSeconds(1));
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    RequestBudget nodeA = new RequestBudget(clock, sleeper, Duration.ZERO, engine);
    RequestBudget nodeB = new RequestBudget(clock, sleeper, Duration.ofSeconds(5), engine);
    nodeA.acquire(connection, twoPerSecond);
    nodeA.acquire(connection, twoPerSecond);

    RequestBudget nodeC = new RequestBudget(clock, sleeper, Duration.ZERO, engine);
    assertThatThrownBy(() -> nodeC.acquire(connection, twoPerSecond))
        .as("a third node, not willing to wait")
        .isInstanceOfSatisfying(ChannelException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.retryAfter()).hasValueSatisfying(hint -> assertThat(hint).isBetween(
              Duration.ofMillis(400), Duration.ofMillis(500)));
        });
    assertThat(nodeC.available(connection.channelId(), twoPerSecond))
        .as("its own bucket is whole again: it did not send").isEqualTo(2);
    nodeB.acquire(connection, twoPerSecond);
    assertThat(sleeper.total()).as("node B waited for the shared bucket")
        .isBetween(Duration.ofMillis(400), Duration.ofMillis(500));
  }

  @Test
  void anUnreachableSharedLimiterLeavesTheNodesOwnBudget() {
    RateLimiter down = new RateLimiter() {
      @Override
      public Acquisition tryAcquire(String key, long permits) {
        throw new IllegalStateException("redis down");
      }

      @Override
      public Acquisition tryAcquire(String key, RateLimit limit, long permits) {
        throw new IllegalStateException("redis down");
      }
    };
    RequestBudget budget = new RequestBudget(clock, new RecordingSleeper(clock), Duration.ZERO, down);
    for (int i = 0; i < 50; i++) {
      budget.acquire(connection, FIFTY_A_MINUTE);
    }
    assertThatThrownBy(() -> budget.acquire(connection, FIFTY_A_MINUTE)).isInstanceOf(ChannelException.class);
  }

  @Test
  void channelsHaveSeparateBudgets() {
    RequestBudget budget = new RequestBudget(clock, new RecordingSleeper(clock), Duration.ZERO);
    ChannelConnection other = TestConnections.of(ChannelType.WOOCOMMERCE, null, Map.of(), Map.of(), "s");
    for (int i = 0; i < 50; i++) {
      budget.acquire(connection, FIFTY_A_MINUTE);
    }
    budget.acquire(other, FIFTY_A_MINUTE);
    assertThatThrownBy(() -> budget.acquire(connection, FIFTY_A_MINUTE)).isInstanceOf(ChannelException.class);
  }

  @Property(tries = 200)
  void vendorReportedRemainingCapsTheBudget(@ForAll @IntRange(min = 0, max = 80) int remaining,
      @ForAll @IntRange(min = 0, max = 50) int alreadyUsed) {
    RequestBudget budget = new RequestBudget(clock, new RecordingSleeper(clock), Duration.ZERO);
    for (int i = 0; i < alreadyUsed; i++) {
      budget.acquire(connection, FIFTY_A_MINUTE);
    }
    budget.observeRemaining(connection.channelId(), FIFTY_A_MINUTE, remaining);
    long available = budget.available(connection.channelId(), FIFTY_A_MINUTE);
    assertThat(available).isEqualTo(Math.min(remaining, 50 - alreadyUsed));
  }
}
