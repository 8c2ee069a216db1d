package ai.stockclerk.agents.alert;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The node's background work for alerts: the delivery worker every few seconds and the periodic
 * checks every tick. A failing run is logged and the loop goes on.
 */
class AlertLoops implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(AlertLoops.class);

  private final DeliveryWorker deliveries;
  private final PeriodicAlertChecks checks;
  private final Duration deliveryPoll;
  private final Duration checkTick;
  private final boolean enabled;
  private ScheduledExecutorService executor;
  private boolean started;

  AlertLoops(DeliveryWorker deliveries, PeriodicAlertChecks checks, Duration deliveryPoll, Duration checkTick,
      boolean enabled) {
    this.enabled = enabled;
    this.deliveries = deliveries;
    this.checks = checks;
    this.deliveryPoll = deliveryPoll;
    this.checkTick = checkTick;
  }

  @Override
  public synchronized void start() {
    started = true;
    if (!enabled) {
      LOG.info("alert background loops are off (stockclerk.alerts.background-enabled=false)");
      return;
    }
    executor = Executors.newScheduledThreadPool(2, r -> {
      Thread thread = new Thread(r, "alert-loop");
      thread.setDaemon(true);
      return thread;
    });
    every(deliveryPoll, "alert deliveries", deliveries::runOnce);
    every(checkTick, "periodic alert checks", checks::runDue);
  }

  @Override
  public synchronized void stop() {
    started = false;
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null || (!enabled && started);
  }

  private void every(Duration interval, String name, Runnable work) {
    long millis = interval.toMillis();
    executor.scheduleWithFixedDelay(() -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        LOG.error("{} failed; next run in {} ms", name, millis, e);
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
  }
}
