package ai.stockclerk.engine.queue.redis;

import ai.stockclerk.engine.JobQueue;
import ai.stockclerk.engine.JobQueueConformanceTest;
import ai.stockclerk.engine.LaneRouter;
import ai.stockclerk.engine.LimitsPolicy;
import ai.stockclerk.engine.redis.RedisBackend;
import ai.stockclerk.testing.RedisKeys;
import ai.stockclerk.testing.TestRedis;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

class RedisJobQueueTest extends JobQueueConformanceTest {

  private String prefix;

  @Override
  protected void newBackend() {
    prefix = TestRedis.uniquePrefix("queue");
  }

  @Override
  protected JobQueue open(Clock clock, LaneRouter router, LimitsPolicy limits) {
    return new RedisJobQueue(RedisBackend.connect(TestRedis.uri(), prefix), true, clock, router, limits, RedisJobQueue.DEFAULT_QUANTUM);
  }

  @AfterEach
  void deleteKeys() {
    RedisKeys.deleteAll(prefix);
  }
}
