package ai.stockclerk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every {@link RateLimiter} adapter must do; subclasses only build a node's limiter. */
public abstract class RateLimiterConformanceTest {

  protected final MutableClock clock = MutableClock.atEpochDay();
  protected final RateLimiter.Limits limits = key -> new RateLimit(5, Duration.ofSeconds(1));
  private final List<RateLimiter> opened = new ArrayList<>();

  protected abstract RateLimiter openNode(Clock clock, RateLimiter.Limits limits);

  protected void cleanUp() {}

  @AfterEach
  void closeLimiters() {
    opened.forEach(RateLimiter::close);
    cleanUp();
  }

  private RateLimiter node() {
    RateLimiter limiter = openNode(clock, limits);
    opened.add(limiter);
    return limiter;
  }

  @Test
  void bucketEmptiesThenRefillsWithTime() {
    RateLimiter limiter = node();
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.tryAcquire("shopify-conn-1", 1).granted()).isTrue();
    }
    RateLimiter.Acquisition refused = limiter.tryAcquire("shopify-conn-1", 1);
    assertThat(refused.granted()).isFalse();
    assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(200));
    assertThat(limiter.tryAcquire("shopify-conn-2", 1).granted()).as("another key").isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.tryAcquire("shopify-conn-1", 5).granted()).isTrue();
  }

  @Test
  void aCallerMayGiveTheBucketsShapeAndNodesShareIt() {
    RateLimiter a = node();
    RateLimiter b = node();
    RateLimit vendorBudget = new RateLimit(2, Duration.ofSeconds(4));
    assertThat(a.tryAcquire("vendor:conn", vendorBudget, 2).granted()).isTrue();
    RateLimiter.Acquisition refused = b.tryAcquire("vendor:conn", vendorBudget, 1);
    assertThat(refused.granted()).as("the other node's request").isFalse();
    assertThat(refused.retryAfter()).as("one token of 2 per 4 s").isGreaterThan(Duration.ofMillis(1_500))
        .isLessThanOrEqualTo(Duration.ofSeconds(2));
    clock.advance(Duration.ofSeconds(2));
    assertThat(b.tryAcquire("vendor:conn", vendorBudget, 1).granted()).isTrue();
    assertThat(a.tryAcquire("vendor:conn", vendorBudget, 1).granted()).isFalse();
  }

  @Test
  void nodesShareOneBucketPerKey() {
    RateLimiter a = node();
    RateLimiter b = node();
    assertThat(a.tryAcquire("conn", 3).granted()).isTrue();
    assertThat(b.tryAcquire("conn", 3).granted()).isFalse();
    assertThat(b.tryAcquire("conn", 2).granted()).isTrue();
    assertThat(a.tryAcquire("conn", 1).granted()).isFalse();
  }
}
