package ai.stockclerk.agents.guardian;

import ai.stockclerk.agents.alert.AlertTopics;
import ai.stockclerk.agents.alert.AlertType;
import ai.stockclerk.agents.alert.Alerts;
import ai.stockclerk.agents.alert.TenantEventBus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Hands what needs a person to the Alert agent: one drift alert per item (de-duplicated there while
 * open) and the channel's unmatched items as {@code item.unmapped} events for its unmapped rule.
 */
class DriftReporting {

  private final Alerts alerts;
  private final TenantEventBus events;

  DriftReporting(Alerts alerts, TenantEventBus events) {
    this.alerts = alerts;
    this.events = events;
  }

  static String subjectOf(UUID itemId) {
    return "item:" + itemId;
  }

  void flagged(UUID tenantId, UUID channelId, String channelName, ItemFinding finding) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("channelId", channelId.toString());
    facts.put("itemId", finding.itemId().toString());
    facts.put("productId", finding.productId().toString());
    facts.put("externalId", finding.externalId());
    facts.put("expected", finding.expected());
    facts.put("actual", finding.actual());
    facts.put("drift", finding.drift());
    facts.put("actions", List.of("/api/v1/sync/drift/" + finding.itemId() + "/accept-channel",
        "/api/v1/sync/drift/" + finding.itemId() + "/push-ours"));
    alerts.raise(tenantId, AlertType.DRIFT, subjectOf(finding.itemId()), DriftSeverity.of(finding.drift()),
        "'" + channelName + "' shows " + finding.actual() + " for item " + finding.externalId() + " where we expect "
            + finding.expected() + ": accept the channel's level or push ours", facts);
  }

  void unmatched(UUID tenantId, UUID channelId, List<String> externalIds) {
    externalIds.forEach(id -> events.publish(tenantId, AlertTopics.ITEM_UNMAPPED,
        Map.of("channelId", channelId.toString(), "externalId", id)));
  }

  boolean resolve(UUID tenantId, UUID itemId) {
    return alerts.resolve(tenantId, AlertType.DRIFT, subjectOf(itemId));
  }
}
