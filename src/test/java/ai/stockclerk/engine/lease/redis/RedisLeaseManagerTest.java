package ai.stockclerk.engine.lease.redis;

import ai.stockclerk.engine.LeaseManager;
import ai.stockclerk.engine.LeaseManagerConformanceTest;
import ai.stockclerk.engine.redis.RedisBackend;
import ai.stockclerk.testing.RedisKeys;
import ai.stockclerk.testing.TestRedis;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

class RedisLeaseManagerTest extends LeaseManagerConformanceTest {

  private final String prefix = TestRedis.uniquePrefix("lease");
  private final List<RedisBackend> backends = new ArrayList<>();

  @Override
  protected LeaseManager openNode(Clock clock) {
    RedisBackend backend = RedisBackend.connect(TestRedis.uri(), prefix);
    backends.add(backend);
    return new RedisLeaseManager(backend, clock);
  }

  @Override
  protected void cleanUp() {
    backends.forEach(RedisBackend::close);
    RedisKeys.deleteAll(prefix);
  }
}
