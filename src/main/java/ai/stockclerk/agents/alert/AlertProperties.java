package ai.stockclerk.agents.alert;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Alert agent ({@code stockclerk.alerts.*}); every one has a default, listed in
 * docs/ALERTS.md. Webhook URLs on private or loopback addresses, or over plain http, are refused
 * unless {@code allowPrivateWebhookUrls} is on (tests and the embedded demo need it; production should not).
 */
@ConfigurationProperties("stockclerk.alerts")
public record AlertProperties(
    Boolean backgroundEnabled,
    Duration checkInterval,
    Duration checkTick,
    Duration deliveryPoll,
    Integer deliveryBatch,
    Integer deliveryMaxAttempts,
    Duration deliveryBackoffBase,
    Duration deliveryBackoffMax,
    Duration deliveryClaimTimeout,
    Duration webhookTimeout,
    String mailFrom,
    Boolean allowPrivateWebhookUrls) {

  public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofMinutes(5);
  public static final Duration DEFAULT_CHECK_TICK = Duration.ofSeconds(30);
  public static final Duration DEFAULT_DELIVERY_POLL = Duration.ofSeconds(2);
  public static final int DEFAULT_DELIVERY_BATCH = 20;
  public static final int DEFAULT_DELIVERY_MAX_ATTEMPTS = 8;
  public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofSeconds(30);
  public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofHours(1);
  public static final Duration DEFAULT_CLAIM_TIMEOUT = Duration.ofMinutes(2);
  public static final Duration DEFAULT_WEBHOOK_TIMEOUT = Duration.ofSeconds(10);
  public static final String DEFAULT_MAIL_FROM = "StockClerk <alerts@stockclerk.local>";

  public AlertProperties {
    backgroundEnabled = backgroundEnabled == null || backgroundEnabled;
    checkInterval = positive(checkInterval, DEFAULT_CHECK_INTERVAL, "check-interval");
    checkTick = positive(checkTick, DEFAULT_CHECK_TICK, "check-tick");
    deliveryPoll = positive(deliveryPoll, DEFAULT_DELIVERY_POLL, "delivery-poll");
    deliveryBatch = atLeastOne(deliveryBatch, DEFAULT_DELIVERY_BATCH, "delivery-batch");
    deliveryMaxAttempts = atLeastOne(deliveryMaxAttempts, DEFAULT_DELIVERY_MAX_ATTEMPTS, "delivery-max-attempts");
    deliveryBackoffBase = positive(deliveryBackoffBase, DEFAULT_BACKOFF_BASE, "delivery-backoff-base");
    deliveryBackoffMax = positive(deliveryBackoffMax, DEFAULT_BACKOFF_MAX, "delivery-backoff-max");
    deliveryClaimTimeout = positive(deliveryClaimTimeout, DEFAULT_CLAIM_TIMEOUT, "delivery-claim-timeout");
    webhookTimeout = positive(webhookTimeout, DEFAULT_WEBHOOK_TIMEOUT, "webhook-timeout");
    mailFrom = mailFrom == null || mailFrom.isBlank() ? DEFAULT_MAIL_FROM : mailFrom;
    allowPrivateWebhookUrls = allowPrivateWebhookUrls != null && allowPrivateWebhookUrls;
    if (deliveryClaimTimeout.compareTo(webhookTimeout.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException("stockclerk.alerts.delivery-claim-timeout must be at least twice the"
          + " webhook timeout, or a slow send is claimed again by another node while it runs");
    }
  }

  public static AlertProperties defaults() {
    return new AlertProperties(null, null, null, null, null, null, null, null, null, null, null, null);
  }

  DeliveryBackoff backoff() {
    return new DeliveryBackoff(deliveryBackoffBase, deliveryBackoffMax, deliveryMaxAttempts);
  }

  private static Duration positive(Duration value, Duration fallback, String name) {
    if (value == null) {
      return fallback;
    }
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException("stockclerk.alerts." + name + " must be positive");
    }
    return value;
  }

  private static int atLeastOne(Integer value, int fallback, String name) {
    if (value == null) {
      return fallback;
    }
    if (value < 1) {
      throw new IllegalArgumentException("stockclerk.alerts." + name + " must be at least 1");
    }
    return value;
  }
}
