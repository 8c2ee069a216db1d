package ai.stockclerk.agents.alert;

import ai.stockclerk.engine.EventBus;
import ai.stockclerk.engine.TenantEvent;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Alert agent's bus on top of the engine's: what the agent publishes reaches every node (the
 * live stream, other subscribers), and what any capability publishes on the engine bus reaches the
 * agent's listeners. Listeners run on a background thread of their own, never the publisher's, so a
 * publisher is neither slowed nor rolled back by a rule.
 */
final class EngineTenantEventBus implements TenantEventBus, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EngineTenantEventBus.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final EventBus bus;
  private final InProcessTenantEventBus local = new InProcessTenantEventBus();
  private final EventBus.Subscription subscription;

  EngineTenantEventBus(EventBus bus) {
    this.bus = bus;
    this.subscription = bus.subscribe(this::deliver);
  }

  @Override
  public void publish(UUID tenantId, String topic, Map<String, Object> payload) {
    bus.publish(new TenantEvent(tenantId.toString(), topic, JSON.writeValueAsString(payload)));
  }

  @Override
  public void subscribe(String topic, Listener listener) {
    local.subscribe(topic, listener);
  }

  private void deliver(TenantEvent event) {
    if (!local.listensTo(event.type())) {
      return; // most events (a push completed, ...) are for the live stream only
    }
    UUID tenant;
    Map<String, Object> payload;
    try {
      tenant = UUID.fromString(event.tenant());
      payload = event.payload().isBlank() ? Map.of() : JSON.readValue(event.payload(), MAP);
    } catch (IllegalArgumentException | JacksonException e) {
      LOG.warn("skipping a {} event that is not a tenant id and a JSON object", event.type());
      return;
    }
    local.publish(tenant, event.type(), payload);
  }

  @Override
  public void close() {
    subscription.close();
    local.close();
  }
}
