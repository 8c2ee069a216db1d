package ai.stockclerk.engine.queue.memory;

import ai.stockclerk.engine.JobQueue;
import ai.stockclerk.engine.JobQueueConformanceTest;
import ai.stockclerk.engine.LaneRouter;
import ai.stockclerk.engine.LimitsPolicy;
import java.time.Clock;

class InMemoryJobQueueTest extends JobQueueConformanceTest {

  private InMemoryJobQueue backend;

  @Override
  protected void newBackend() {
    backend = null;
  }

  @Override
  protected JobQueue open(Clock clock, LaneRouter router, LimitsPolicy limits) {
    // One heap, one backend: every node's view is the same object, unless the router differs.
    if (backend == null || router != LaneRouter.PER_TENANT) {
      InMemoryJobQueue created = new InMemoryJobQueue(clock, router, limits);
      if (router == LaneRouter.PER_TENANT) {
        backend = created;
      }
      return created;
    }
    return backend;
  }
}
