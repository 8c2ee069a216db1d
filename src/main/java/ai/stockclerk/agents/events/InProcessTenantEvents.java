package ai.stockclerk.agents.events;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers events to listeners on this node. Stands in for the engine's event bus until that port
 * is merged (then this class delegates to it, and events cross nodes over Redis pub/sub). A
 * listener that throws is logged and does not stop delivery to the others.
 */
@Component
class InProcessTenantEvents implements TenantEvents {

  private static final Logger LOG = LoggerFactory.getLogger(InProcessTenantEvents.class);

  private final Map<UUID, Set<Consumer<TenantEvent>>> listeners = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();

  @Override
  public void publish(UUID tenantId, String name, String payloadJson) {
    Set<Consumer<TenantEvent>> forTenant = listeners.get(tenantId);
    if (forTenant == null) {
      return;
    }
    TenantEvent event = new TenantEvent(tenantId, name, payloadJson, clock.instant());
    for (Consumer<TenantEvent> listener : forTenant) {
      try {
        listener.accept(event);
      } catch (RuntimeException failure) {
        LOG.warn("event listener of tenant {} failed on {}", tenantId, name, failure);
      }
    }
  }

  @Override
  public Subscription subscribe(UUID tenantId, Consumer<TenantEvent> listener) {
    listeners.computeIfAbsent(tenantId, t -> ConcurrentHashMap.newKeySet()).add(listener);
    return () -> listeners.computeIfPresent(tenantId, (t, set) -> {
      set.remove(listener);
      return set.isEmpty() ? null : set;
    });
  }
}
