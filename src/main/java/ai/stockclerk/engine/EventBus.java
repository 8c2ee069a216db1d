package ai.stockclerk.engine;

import java.util.function.Consumer;

/**
 * Tenant-scoped publish/subscribe. Every subscriber on every node sees every event published on
 * any node; delivery is at most once (a node that is down misses events), so events are hints for
 * live views, never the record of truth.
 */
public interface EventBus extends AutoCloseable {

  void publish(TenantEvent event);

  /** Receives every tenant's events. A listener that throws is logged and keeps its subscription. */
  Subscription subscribe(Consumer<TenantEvent> listener);

  /** Receives one tenant's events. */
  default Subscription subscribe(String tenant, Consumer<TenantEvent> listener) {
    return subscribe(event -> {
      if (event.tenant().equals(tenant)) {
        listener.accept(event);
      }
    });
  }

  @Override
  void close();

  /** Ends a subscription. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
