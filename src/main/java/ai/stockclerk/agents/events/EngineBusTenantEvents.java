package ai.stockclerk.agents.events;

import ai.stockclerk.engine.EventBus;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The flow's events on the engine's event bus (in-process, or Redis pub/sub in cluster mode, so a
 * browser on any node sees changes made on any node).
 */
@Component
class EngineBusTenantEvents implements TenantEvents {

  private final EventBus bus;
  private final Clock clock = Clock.systemUTC();

  EngineBusTenantEvents(EventBus bus) {
    this.bus = bus;
  }

  @Override
  public void publish(UUID tenantId, String name, String payloadJson) {
    bus.publish(new ai.stockclerk.engine.TenantEvent(tenantId.toString(), name, payloadJson));
  }

  @Override
  public Subscription subscribe(UUID tenantId, Consumer<TenantEvent> listener) {
    EventBus.Subscription subscription = bus.subscribe(tenantId.toString(),
        event -> listener.accept(new TenantEvent(tenantId, event.type(), event.payload(), clock.instant())));
    return subscription::close;
  }
}
