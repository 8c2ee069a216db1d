package ai.stockclerk.agents.alert;

import ai.stockclerk.store.AlertRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body sent for one alert occurrence, fixed when the send is planned: retries send the same
 * bytes, so a receiver can recognise a repeat by its content as well as by the delivery id.
 */
final class AlertPayload {

  private AlertPayload() {}

  static String of(AlertRecord alert) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event", AlertTopics.ALERT_RAISED);
    body.put("alertId", alert.id().toString());
    body.put("tenantId", alert.tenantId().toString());
    body.put("type", alert.type());
    body.put("severity", alert.severity());
    body.put("subject", alert.subject());
    body.put("message", alert.message());
    body.put("occurrences", alert.occurrences());
    body.put("firstSeen", alert.firstSeen().toString());
    body.put("metadata", AlertJson.readMap(alert.metadataJson()));
    return AlertJson.write(body);
  }
}
