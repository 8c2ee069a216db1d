package ai.stockclerk.engine.events.redis;

import ai.stockclerk.engine.EventBus;
import ai.stockclerk.engine.EventBusConformanceTest;
import ai.stockclerk.engine.redis.RedisBackend;
import ai.stockclerk.testing.TestRedis;
import java.util.ArrayList;
import java.util.List;

class RedisEventBusTest extends EventBusConformanceTest {

  private final String prefix = TestRedis.uniquePrefix("events");
  private final List<RedisBackend> backends = new ArrayList<>();

  @Override
  protected EventBus openNode() {
    RedisBackend backend = RedisBackend.connect(TestRedis.uri(), prefix);
    backends.add(backend);
    return new RedisEventBus(backend);
  }

  @Override
  protected void cleanUp() {
    backends.forEach(RedisBackend::close);
  }
}
