package ai.stockclerk.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A node's local event subscribers; one failing listener never stops the others. */
public final class Listeners {

  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  private final List<Consumer<TenantEvent>> listeners = new CopyOnWriteArrayList<>();

  public EventBus.Subscription add(Consumer<TenantEvent> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  public void deliver(TenantEvent event) {
    for (Consumer<TenantEvent> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException failure) {
        LOG.warn("event listener failed on {} event of tenant {}", event.type(), event.tenant(), failure);
      }
    }
  }
}
