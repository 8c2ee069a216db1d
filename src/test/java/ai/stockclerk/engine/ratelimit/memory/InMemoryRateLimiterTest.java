package ai.stockclerk.engine.ratelimit.memory;

import ai.stockclerk.engine.RateLimiter;
import ai.stockclerk.engine.RateLimiterConformanceTest;
import java.time.Clock;

class InMemoryRateLimiterTest extends RateLimiterConformanceTest {

  private InMemoryRateLimiter shared;

  @Override
  protected RateLimiter openNode(Clock clock, RateLimiter.Limits limits) {
    if (shared == null) {
      shared = new InMemoryRateLimiter(clock, limits);
    }
    return shared;
  }
}
