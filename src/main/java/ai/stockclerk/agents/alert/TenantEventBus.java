package ai.stockclerk.agents.alert;

import java.util.Map;
import java.util.UUID;

/**
 * The slice of the engine's event bus the Alert agent uses: tenant-scoped events with JSON-like
 * payloads, carried by the engine's bus ({@link EngineTenantEventBus}) so events published by the
 * flow, Guardian or any node reach the agent.
 */
public interface TenantEventBus {

  void publish(UUID tenantId, String topic, Map<String, Object> payload);

  void subscribe(String topic, Listener listener);

  /** Receives one event; exceptions are logged and counted by the bus, never propagated. */
  @FunctionalInterface
  interface Listener {
    void on(UUID tenantId, Map<String, Object> payload);
  }
}
