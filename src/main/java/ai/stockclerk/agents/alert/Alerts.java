package ai.stockclerk.agents.alert;

import ai.stockclerk.store.AlertDeliveryRecord;
import ai.stockclerk.store.AlertDeliveryStore;
import ai.stockclerk.store.AlertRecord;
import ai.stockclerk.store.AlertStore;
import ai.stockclerk.store.NewAlert;
import ai.stockclerk.store.NotFoundException;
import ai.stockclerk.store.Page;
import ai.stockclerk.store.PageRequest;
import ai.stockclerk.store.Tenancy;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The Alert agent's face: raise and resolve alerts (Guardian and the rules call this), and the
 * reads and state changes the API offers. One unresolved alert per (type, subject); a repeat
 * counts an occurrence. Opening an alert plans its e-mail and webhook sends in the same
 * transaction and announces {@code alert.raised} once that transaction commits.
 */
public class Alerts {

  static final int MAX_SUBJECT = 200;
  static final int MAX_MESSAGE = 2000;
  static final int MAX_METADATA_CHARS = 16_384;

  private final Tenancy tenancy;
  private final AlertStore alerts;
  private final AlertDeliveryStore deliveries;
  private final DeliveryPlanner planner;
  private final TenantEventBus events;
  private final Clock clock;

  Alerts(Tenancy tenancy, AlertStore alerts, AlertDeliveryStore deliveries, DeliveryPlanner planner,
      TenantEventBus events, Clock clock) {
    this.tenancy = tenancy;
    this.alerts = alerts;
    this.deliveries = deliveries;
    this.planner = planner;
    this.events = events;
    this.clock = clock;
  }

  public RaisedAlert raise(UUID tenantId, AlertType type, String subjectKey, AlertSeverity severity, String message,
      Map<String, Object> metadata) {
    return raise(tenantId, type, subjectKey, severity, message, metadata, MetadataMerge.REPLACE);
  }

  /** Resolves the unresolved alert of this type and subject; false when there was none. */
  public boolean resolve(UUID tenantId, AlertType type, String subjectKey) {
    String key = dedupKey(Objects.requireNonNull(type, "type"), checkSubject(subjectKey));
    return tenancy.inTenant(tenantId, () -> {
      Optional<AlertRecord> resolved = alerts.resolveByKey(key, clock.instant());
      resolved.ifPresent(alert -> AfterCommit.run(() -> announceResolved(tenantId, alert)));
      return resolved.isPresent();
    });
  }

  public Page<AlertRecord> list(UUID tenantId, AlertStatus status, AlertType type, PageRequest page) {
    return tenancy.inTenant(tenantId, () -> alerts.list(status == null ? null : status.wireName(),
        type == null ? null : type.wireName(), page));
  }

  public AlertRecord get(UUID tenantId, UUID alertId) {
    return tenancy.inTenant(tenantId, () -> alerts.find(alertId)).orElseThrow(() -> new NotFoundException("alert"));
  }

  public List<AlertDeliveryRecord> deliveries(UUID tenantId, UUID alertId) {
    return tenancy.inTenant(tenantId, () -> {
      alerts.find(alertId).orElseThrow(() -> new NotFoundException("alert"));
      return deliveries.forAlert(alertId);
    });
  }

  public AlertRecord markRead(UUID tenantId, UUID alertId) {
    return tenancy.inTenant(tenantId, () -> alerts.markRead(alertId)).orElseThrow(() -> new NotFoundException("alert"));
  }

  public AlertRecord resolve(UUID tenantId, UUID alertId) {
    return tenancy.inTenant(tenantId, () -> {
      boolean wasResolved = alerts.find(alertId).orElseThrow(() -> new NotFoundException("alert")).status()
          .equals("resolved");
      AlertRecord alert = alerts.resolve(alertId, clock.instant()).orElseThrow();
      if (!wasResolved) {
        AfterCommit.run(() -> announceResolved(tenantId, alert));
      }
      return alert;
    });
  }

  RaisedAlert raise(UUID tenantId, AlertType type, String subjectKey, AlertSeverity severity, String message,
      Map<String, Object> metadata, MetadataMerge merge) {
    Objects.requireNonNull(tenantId, "tenantId");
    if (type == null || severity == null) {
      throw new AlertInputException("an alert needs a type and a severity");
    }
    String subject = checkSubject(subjectKey);
    String text = checkMessage(message);
    Map<String, Object> facts = metadata == null ? Map.of() : metadata;
    String key = dedupKey(type, subject);
    return tenancy.inTenant(tenantId, () -> {
      RaisedAlert raised = upsert(type, subject, severity, text, facts, key, merge);
      if (raised.opened()) {
        planner.plan(raised.alert());
        AfterCommit.run(() -> announceRaised(tenantId, raised.alert()));
      }
      return raised;
    });
  }

  private RaisedAlert upsert(AlertType type, String subject, AlertSeverity severity, String message,
      Map<String, Object> metadata, String key, MetadataMerge merge) {
    while (true) {
      Optional<AlertRecord> open = alerts.lockUnresolved(key);
      if (open.isPresent()) {
        Map<String, Object> merged = merge.merge(AlertJson.readMap(open.get().metadataJson()), metadata);
        return new RaisedAlert(alerts.repeat(open.get().id(), draft(type, subject, severity, message, merged, key)),
            false);
      }
      NewAlert draft = draft(type, subject, severity, message, merge.merge(Map.of(), metadata), key);
      if (alerts.insertIfNoneUnresolved(draft)) {
        return new RaisedAlert(alerts.find(draft.id()).orElseThrow(), true);
      }
      // Another transaction opened it first and has committed; the next lock finds its row.
    }
  }

  private NewAlert draft(AlertType type, String subject, AlertSeverity severity, String message,
      Map<String, Object> metadata, String key) {
    String json = AlertJson.write(metadata);
    if (json.length() > MAX_METADATA_CHARS) {
      throw new AlertInputException("alert metadata is larger than " + MAX_METADATA_CHARS + " characters");
    }
    return new NewAlert(UUID.randomUUID(), type.wireName(), severity.wireName(), subject, message, key, json,
        clock.instant());
  }

  private void announceRaised(UUID tenantId, AlertRecord alert) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("alertId", alert.id().toString());
    payload.put("type", alert.type());
    payload.put("severity", alert.severity());
    payload.put("subject", alert.subject());
    payload.put("message", alert.message());
    events.publish(tenantId, AlertTopics.ALERT_RAISED, payload);
  }

  private void announceResolved(UUID tenantId, AlertRecord alert) {
    events.publish(tenantId, AlertTopics.ALERT_RESOLVED,
        Map.of("alertId", alert.id().toString(), "type", alert.type(), "subject", alert.subject()));
  }

  static String dedupKey(AlertType type, String subject) {
    return type.wireName() + ":" + subject;
  }

  private static String checkSubject(String subject) {
    if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT
        || subject.chars().anyMatch(Character::isISOControl)) {
      throw new AlertInputException("an alert subject must be 1-" + MAX_SUBJECT + " printable characters");
    }
    return subject;
  }

  private static String checkMessage(String message) {
    if (message == null || message.isBlank()) {
      throw new AlertInputException("an alert needs a message");
    }
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE);
  }
}
