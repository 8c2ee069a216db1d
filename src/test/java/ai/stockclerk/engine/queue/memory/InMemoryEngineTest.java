package ai.stockclerk.engine.queue.memory;

import ai.stockclerk.engine.EngineConformanceTest;
import ai.stockclerk.engine.JobQueue;
import ai.stockclerk.engine.LaneRouter;
import ai.stockclerk.engine.LimitsPolicy;
import java.time.Clock;

class InMemoryEngineTest extends EngineConformanceTest {

  private InMemoryJobQueue shared;

  @Override
  protected JobQueue nodeQueue(Clock clock, LaneRouter router, LimitsPolicy limits) {
    if (shared == null) {
      shared = new InMemoryJobQueue(clock, router, limits);
    }
    return shared;
  }
}
