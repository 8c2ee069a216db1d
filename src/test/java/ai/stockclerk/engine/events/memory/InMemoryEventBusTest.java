package ai.stockclerk.engine.events.memory;

import ai.stockclerk.engine.EventBus;
import ai.stockclerk.engine.EventBusConformanceTest;

class InMemoryEventBusTest extends EventBusConformanceTest {

  private final InMemoryEventBus shared = new InMemoryEventBus();

  @Override
  protected EventBus openNode() {
    return shared;
  }
}
