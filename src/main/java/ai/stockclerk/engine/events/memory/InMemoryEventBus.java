package ai.stockclerk.engine.events.memory;

import ai.stockclerk.engine.EventBus;
import ai.stockclerk.engine.Listeners;
import ai.stockclerk.engine.TenantEvent;
import java.util.function.Consumer;

/** The embedded-mode event bus: delivers on the publishing thread to every subscriber in this process. */
public final class InMemoryEventBus implements EventBus {

  private final Listeners listeners = new Listeners();

  @Override
  public void publish(TenantEvent event) {
    listeners.deliver(event);
  }

  @Override
  public Subscription subscribe(Consumer<TenantEvent> listener) {
    return listeners.add(listener);
  }

  @Override
  public void close() {}
}
