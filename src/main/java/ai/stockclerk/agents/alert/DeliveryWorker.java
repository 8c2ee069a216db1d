package ai.stockclerk.agents.alert;

import ai.stockclerk.store.AlertDeliveryRecord;
import ai.stockclerk.store.AlertDeliveryStore;
import ai.stockclerk.store.NotificationSettingsRecord;
import ai.stockclerk.store.NotificationSettingsStore;
import ai.stockclerk.store.Tenancy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Sends owed alert deliveries. Each node runs one; rows are claimed (SKIP LOCKED, with a deadline)
 * before the send and recorded after it, so two nodes never send the same row at once. The send
 * happens outside any transaction; a node that dies between sending and recording leaves the row
 * to be sent again after the claim expires, which is why every send carries its delivery id.
 */
class DeliveryWorker {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
  static final int TENANTS_PER_RUN = 100;

  private final Tenancy tenancy;
  private final AlertDeliveryStore deliveries;
  private final NotificationSettingsStore settings;
  private final Map<DeliveryMedium, AlertSender> senders;
  private final DeliveryBackoff backoff;
  private final Clock clock;
  private final String node;
  private final Duration claimTimeout;
  private final int batch;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  DeliveryWorker(Tenancy tenancy, AlertDeliveryStore deliveries, NotificationSettingsStore settings,
      Map<DeliveryMedium, AlertSender> senders, DeliveryBackoff backoff, Clock clock, String node,
      Duration claimTimeout, int batch) {
    this.tenancy = tenancy;
    this.deliveries = deliveries;
    this.settings = settings;
    this.senders = Map.copyOf(senders);
    this.backoff = backoff;
    this.clock = clock;
    this.node = node;
    this.claimTimeout = claimTimeout;
    this.batch = batch;
  }

  /** Sends what is due now; returns how many sends succeeded. */
  int runOnce() {
    int succeeded = 0;
    for (UUID tenant : deliveries.tenantsWithDue(clock.instant(), TENANTS_PER_RUN)) {
      MDC.put("tenant", tenant.toString());
      try {
        succeeded += runTenant(tenant);
      } catch (RuntimeException e) {
        failures.incrementAndGet();
        LOG.error("alert deliveries of tenant {} failed; they are tried again on the next run", tenant, e);
      } finally {
        MDC.remove("tenant");
      }
    }
    return succeeded;
  }

  long sentCount() {
    return sent.get();
  }

  long failureCount() {
    return failures.get();
  }

  private int runTenant(UUID tenant) {
    Instant now = clock.instant();
    List<AlertDeliveryRecord> claimed =
        tenancy.inTenant(tenant, () -> deliveries.claimDue(now, now.plus(claimTimeout), node, batch));
    if (claimed.isEmpty()) {
      return 0;
    }
    NotificationSettingsRecord current = tenancy.inTenant(tenant, settings::get);
    int succeeded = 0;
    for (AlertDeliveryRecord delivery : claimed) {
      succeeded += attempt(tenant, delivery, current) ? 1 : 0;
    }
    return succeeded;
  }

  private boolean attempt(UUID tenant, AlertDeliveryRecord delivery, NotificationSettingsRecord current) {
    AlertSender sender = senders.get(DeliveryMedium.fromWireName(delivery.medium()));
    String cancel = sender == null ? "no sender is configured for " + delivery.medium()
        : sender.cancelReason(current).orElse(null);
    if (cancel != null) {
      tenancy.runInTenant(tenant, () -> deliveries.markCancelled(delivery, cancel));
      return false;
    }
    try {
      sender.send(delivery, current);
    } catch (SendFailure failure) {
      recordFailure(tenant, delivery, failure.getMessage(), failure.permanent());
      return false;
    } catch (RuntimeException unexpected) {
      LOG.warn("alert delivery {} ({}) failed unexpectedly", delivery.id(), delivery.medium(), unexpected);
      recordFailure(tenant, delivery, "unexpected " + unexpected.getClass().getSimpleName(), false);
      return false;
    }
    boolean recorded = tenancy.inTenant(tenant, () -> deliveries.markSent(delivery, clock.instant()));
    if (!recorded) {
      LOG.warn("alert delivery {} was sent after this node's claim expired", delivery.id());
    }
    sent.incrementAndGet();
    return true;
  }

  private void recordFailure(UUID tenant, AlertDeliveryRecord delivery, String error, boolean permanent) {
    failures.incrementAndGet();
    Instant retryAt = permanent ? null : backoff.next(delivery.attempts(), clock.instant()).orElse(null);
    LOG.info("alert delivery {} ({}) attempt {} failed: {}; {}", delivery.id(), delivery.medium(),
        delivery.attempts(), error, retryAt == null ? "giving up" : "retrying at " + retryAt);
    tenancy.runInTenant(tenant, () -> deliveries.markFailed(delivery, error, retryAt));
  }
}
