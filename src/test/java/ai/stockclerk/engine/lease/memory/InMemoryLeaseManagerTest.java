package ai.stockclerk.engine.lease.memory;

import ai.stockclerk.engine.LeaseManager;
import ai.stockclerk.engine.LeaseManagerConformanceTest;
import java.time.Clock;

class InMemoryLeaseManagerTest extends LeaseManagerConformanceTest {

  private InMemoryLeaseManager shared;

  @Override
  protected LeaseManager openNode(Clock clock) {
    if (shared == null) {
      shared = new InMemoryLeaseManager(clock);
    }
    return shared;
  }
}
