package ai.stockclerk.api;

import ai.stockclerk.agents.alert.AlertStatus;
import ai.stockclerk.agents.alert.AlertType;
import ai.stockclerk.agents.alert.Alerts;
import ai.stockclerk.agents.alert.NotificationSettings;
import ai.stockclerk.agents.alert.NotificationSettingsChange;
import ai.stockclerk.agents.alert.NotificationSettingsView;
import ai.stockclerk.api.security.Caller;
import ai.stockclerk.store.AlertDeliveryRecord;
import ai.stockclerk.store.AlertRecord;
import ai.stockclerk.store.Page;
import ai.stockclerk.store.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenant's alerts (open → read → resolved) and how it wants them sent. Anyone of the tenant
 * may read and handle alerts; only owners and admins change where they are sent.
 */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Alerts alerts;
  private final NotificationSettings settings;

  AlertController(Alerts alerts, NotificationSettings settings) {
    this.alerts = alerts;
    this.settings = settings;
  }

  record AlertView(UUID id, String type, String severity, String subject, String message, String status,
      int occurrences, Map<String, Object> metadata, Instant firstSeen, Instant lastSeen, Instant resolvedAt) {
    static AlertView of(AlertRecord a) {
      Map<String, Object> metadata = JSON.readValue(a.metadataJson(), new TypeReference<Map<String, Object>>() {});
      return new AlertView(a.id(), a.type(), a.severity(), a.subject(), a.message(), a.status(), a.occurrences(),
          metadata, a.firstSeen(), a.lastSeen(), a.resolvedAt());
    }
  }

  record DeliveryView(UUID id, String medium, String status, int attempts, Instant nextAttemptAt, Instant sentAt,
      String lastError) {
    static DeliveryView of(AlertDeliveryRecord d) {
      return new DeliveryView(d.id(), d.medium(), d.status(), d.attempts(), d.nextAttemptAt(), d.sentAt(),
          d.lastError());
    }
  }

  record SettingsRequest(
      @NotNull Boolean emailEnabled,
      @Size(max = 20) List<@NotNull @Size(max = 320) String> emailRecipients,
      @NotNull Boolean webhookEnabled,
      @Size(max = 2048) String webhookUrl,
      @Size(max = 256) String webhookSecret,
      @Size(max = 16) String minimumSeverity) {

    @Override
    public String toString() {
      return "SettingsRequest[email=" + emailEnabled + ", webhook=" + webhookEnabled + "]";
    }
  }

  @GetMapping
  Page<AlertView> list(Caller caller, @RequestParam(required = false) @Size(max = 32) String status,
      @RequestParam(required = false) @Size(max = 32) String state,
      @RequestParam(required = false) @Size(max = 32) String type,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
    String wanted = status != null ? status : state;
    AlertStatus statusFilter = wanted == null ? null : AlertStatus.fromWireName(wanted)
        .orElseThrow(() -> new InvalidRequestException("status must be open, read or resolved"));
    AlertType typeFilter = type == null ? null : AlertType.fromWireName(type)
        .orElseThrow(() -> new InvalidRequestException("unknown alert type '" + type + "'"));
    Page<AlertRecord> found = alerts.list(caller.tenantId(), statusFilter, typeFilter, new PageRequest(page, size));
    return new Page<>(found.items().stream().map(AlertView::of).toList(), found.page(), found.size(), found.total());
  }

  @GetMapping("/{id}")
  AlertView get(Caller caller, @PathVariable UUID id) {
    return AlertView.of(alerts.get(caller.tenantId(), id));
  }

  @GetMapping("/{id}/deliveries")
  List<DeliveryView> deliveries(Caller caller, @PathVariable UUID id) {
    return alerts.deliveries(caller.tenantId(), id).stream().map(DeliveryView::of).toList();
  }

  @PostMapping("/{id}/read")
  AlertView markRead(Caller caller, @PathVariable UUID id) {
    return AlertView.of(alerts.markRead(caller.tenantId(), id));
  }

  @PostMapping("/{id}/resolve")
  AlertView resolve(Caller caller, @PathVariable UUID id) {
    return AlertView.of(alerts.resolve(caller.tenantId(), id));
  }

  @GetMapping("/settings")
  NotificationSettingsView getSettings(Caller caller) {
    return settings.get(caller.tenantId());
  }

  @PutMapping("/settings")
  NotificationSettingsView putSettings(Caller caller, @Valid @RequestBody SettingsRequest request) {
    if (!("owner".equals(caller.role()) || "admin".equals(caller.role()))) {
      throw new ForbiddenException("only the tenant's owners and admins change where alerts are sent");
    }
    return settings.replace(caller.tenantId(), new NotificationSettingsChange(request.emailEnabled(),
        request.emailRecipients(), request.webhookEnabled(), request.webhookUrl(), request.webhookSecret(),
        request.minimumSeverity()));
  }
}
