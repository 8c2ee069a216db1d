package ai.stockclerk.agents.alert;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Connects the rules to the event topics; a bad event is logged and counted, and the next one runs. */
class AlertSubscriptions {

  private static final Logger LOG = LoggerFactory.getLogger(AlertSubscriptions.class);

  private final AtomicLong rejected = new AtomicLong();

  AlertSubscriptions(TenantEventBus bus, AlertRules rules) {
    bus.subscribe(AlertTopics.STOCK_CHANGED, guarded(AlertTopics.STOCK_CHANGED, rules::onStockChanged));
    bus.subscribe(AlertTopics.SYNC_FAILED, guarded(AlertTopics.SYNC_FAILED, rules::onSyncFailed));
    bus.subscribe(AlertTopics.CHANNEL_STATUS, guarded(AlertTopics.CHANNEL_STATUS, rules::onChannelStatus));
    bus.subscribe(AlertTopics.ITEM_UNMAPPED, guarded(AlertTopics.ITEM_UNMAPPED, rules::onItemUnmapped));
  }

  long rejectedEvents() {
    return rejected.get();
  }

  private TenantEventBus.Listener guarded(String topic, TenantEventBus.Listener rule) {
    return (UUID tenantId, Map<String, Object> payload) -> {
      try {
        rule.on(tenantId, payload);
      } catch (AlertInputException malformed) {
        rejected.incrementAndGet();
        LOG.warn("ignored a {} event of tenant {}: {}", topic, tenantId, malformed.getMessage());
      }
    };
  }
}
