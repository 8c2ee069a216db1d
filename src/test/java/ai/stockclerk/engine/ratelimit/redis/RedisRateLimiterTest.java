package ai.stockclerk.engine.ratelimit.redis;

import ai.stockclerk.engine.RateLimiter;
import ai.stockclerk.engine.RateLimiterConformanceTest;
import ai.stockclerk.engine.redis.RedisBackend;
import ai.stockclerk.testing.RedisKeys;
import ai.stockclerk.testing.TestRedis;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

class RedisRateLimiterTest extends RateLimiterConformanceTest {

  private final String prefix = TestRedis.uniquePrefix("ratelimit");
  private final List<RedisBackend> backends = new ArrayList<>();

  @Override
  protected RateLimiter openNode(Clock clock, RateLimiter.Limits limits) {
    RedisBackend backend = RedisBackend.connect(TestRedis.uri(), prefix);
    backends.add(backend);
    return new RedisRateLimiter(backend, clock, limits);
  }

  @Override
  protected void cleanUp() {
    backends.forEach(RedisBackend::close);
    RedisKeys.deleteAll(prefix);
  }
}
