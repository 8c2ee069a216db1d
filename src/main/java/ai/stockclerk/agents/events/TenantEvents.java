package ai.stockclerk.agents.events;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * The flow's view of the engine's event bus: tenant-scoped events with a small JSON payload.
 * Names and payload fields are a contract with the Alert agent and the live-events stream.
 */
public interface TenantEvents {

  String STOCK_CHANGED = "stock.changed";
  String SYNC_COMPLETED = "sync.completed";
  String SYNC_FAILED = "sync.failed";
  String CHANNEL_STATUS = "channel.status";
  String ITEM_UNMAPPED = "item.unmapped";
  String ALERT_RAISED = "alert.raised";

  void publish(UUID tenantId, String name, String payloadJson);

  /** Receives every event of one tenant until the returned handle is closed. */
  Subscription subscribe(UUID tenantId, Consumer<TenantEvent> listener);

  /** A live subscription. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
