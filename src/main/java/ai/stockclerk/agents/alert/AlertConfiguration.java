package ai.stockclerk.agents.alert;

import ai.stockclerk.engine.EventBus;
import ai.stockclerk.secrets.CredentialCipher;
import ai.stockclerk.store.AlertCheckSchedule;
import ai.stockclerk.store.AlertDeliveryStore;
import ai.stockclerk.store.AlertStore;
import ai.stockclerk.store.ChannelStore;
import ai.stockclerk.store.NotificationSettingsStore;
import ai.stockclerk.store.Tenancy;
import ai.stockclerk.store.TenantStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.net.InetAddress;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** Assembles the Alert agent from the stores, the event bus and, when configured, an SMTP sender. */
@Configuration(proxyBeanMethods = false)
class AlertConfiguration {

  @Bean(destroyMethod = "close")
  EngineTenantEventBus tenantEventBus(EventBus engineEvents) {
    return new EngineTenantEventBus(engineEvents);
  }

  @Bean
  AlertParts alertParts(AlertProperties properties, Tenancy tenancy, AlertStore alerts, AlertDeliveryStore deliveries,
      NotificationSettingsStore settings, AlertCheckSchedule schedule, ChannelStore channels, TenantStore tenants,
      CredentialCipher cipher, TenantEventBus bus, ObjectProvider<JavaMailSender> mail, ObjectProvider<Clock> clock) {
    return new AlertParts(properties, tenancy, alerts, deliveries, settings, schedule, channels, tenants,
        new WebhookSecrets(cipher), bus, mail.getIfAvailable(), clock.getIfAvailable(Clock::systemUTC), nodeName());
  }

  @Bean
  Alerts alerts(AlertParts parts) {
    return parts.alerts();
  }

  @Bean
  NotificationSettings notificationSettings(AlertParts parts) {
    return parts.notificationSettings();
  }

  @Bean
  AlertSubscriptions alertSubscriptions(AlertParts parts) {
    return parts.subscriptions();
  }

  @Bean
  AlertLoops alertLoops(AlertParts parts) {
    return parts.loops();
  }

  /** Counters of the background work, so a loop that keeps failing shows on the dashboards. */
  @Bean
  MeterBinder alertMetrics(AlertParts parts, AlertSubscriptions subscriptions) {
    return registry -> {
      FunctionCounter.builder("stockclerk.alerts.deliveries.sent", parts.worker(), DeliveryWorker::sentCount)
          .description("alert e-mails and webhooks sent by this node").register(registry);
      FunctionCounter.builder("stockclerk.alerts.deliveries.failed", parts.worker(), DeliveryWorker::failureCount)
          .description("failed alert send attempts on this node").register(registry);
      FunctionCounter.builder("stockclerk.alerts.events.rejected", subscriptions, AlertSubscriptions::rejectedEvents)
          .description("malformed events the alert rules skipped").register(registry);
    };
  }

  private static String nodeName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "node";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Every part of the agent built from plain constructors, so tests assemble the same graph with
   * their own clock and node names.
   */
  static final class AlertParts {

    private final Alerts alerts;
    private final AlertRules rules;
    private final NotificationSettings notificationSettings;
    private final DeliveryWorker worker;
    private final PeriodicAlertChecks checks;
    private final AlertProperties properties;
    private final TenantEventBus bus;

    AlertParts(AlertProperties properties, Tenancy tenancy, AlertStore alertStore, AlertDeliveryStore deliveries,
        NotificationSettingsStore settings, AlertCheckSchedule schedule, ChannelStore channels, TenantStore tenants,
        WebhookSecrets secrets, TenantEventBus bus, JavaMailSender mail, Clock clock, String node) {
      this.properties = properties;
      this.bus = bus;
      WebhookUrlPolicy urls = WebhookUrlPolicy.of(properties.allowPrivateWebhookUrls());
      DeliveryPlanner planner = new DeliveryPlanner(settings, deliveries, clock, mail != null);
      this.alerts = new Alerts(tenancy, alertStore, deliveries, planner, bus, clock);
      this.rules = new AlertRules(alerts, alertStore, channels, tenancy);
      this.notificationSettings = new NotificationSettings(tenancy, settings, urls, secrets, mail != null);
      Map<DeliveryMedium, AlertSender> senders = new EnumMap<>(DeliveryMedium.class);
      senders.put(DeliveryMedium.WEBHOOK, new WebhookSender(urls, secrets, clock, properties.webhookTimeout()));
      if (mail != null) {
        senders.put(DeliveryMedium.EMAIL, new EmailSender(mail, properties.mailFrom()));
      }
      this.worker = new DeliveryWorker(tenancy, deliveries, settings, senders, properties.backoff(), clock, node,
          properties.deliveryClaimTimeout(), properties.deliveryBatch());
      this.checks = new PeriodicAlertChecks(tenants, schedule, rules, tenancy, clock, properties.checkInterval(), node);
    }

    Alerts alerts() {
      return alerts;
    }

    AlertRules rules() {
      return rules;
    }

    NotificationSettings notificationSettings() {
      return notificationSettings;
    }

    DeliveryWorker worker() {
      return worker;
    }

    PeriodicAlertChecks checks() {
      return checks;
    }

    AlertSubscriptions subscriptions() {
      return new AlertSubscriptions(bus, rules);
    }

    AlertLoops loops() {
      return new AlertLoops(worker, checks, properties.deliveryPoll(), properties.checkTick(),
          properties.backgroundEnabled());
    }
  }
}
