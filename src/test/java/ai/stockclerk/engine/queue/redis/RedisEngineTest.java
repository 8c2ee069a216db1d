package ai.stockclerk.engine.queue.redis;

import ai.stockclerk.engine.EngineConformanceTest;
import ai.stockclerk.engine.JobQueue;
import ai.stockclerk.engine.LaneRouter;
import ai.stockclerk.engine.LimitsPolicy;
import ai.stockclerk.engine.redis.RedisBackend;
import ai.stockclerk.testing.RedisKeys;
import ai.stockclerk.testing.TestRedis;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

class RedisEngineTest extends EngineConformanceTest {

  private final String prefix = TestRedis.uniquePrefix("engine");
  private final List<JobQueue> queues = new ArrayList<>();

  @Override
  protected JobQueue nodeQueue(Clock clock, LaneRouter router, LimitsPolicy limits) {
    JobQueue queue = new RedisJobQueue(RedisBackend.connect(TestRedis.uri(), prefix), true, clock, router, limits, 8);
    queues.add(queue);
    return queue;
  }

  @Override
  protected int claimBatch() {
    return 16;
  }

  @Override
  protected void cleanUpBackend() {
    queues.forEach(JobQueue::close);
    RedisKeys.deleteAll(prefix);
  }
}
