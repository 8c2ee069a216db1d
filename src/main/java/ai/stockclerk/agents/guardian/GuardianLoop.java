package ai.stockclerk.agents.guardian;

import ai.stockclerk.engine.Engine;
import ai.stockclerk.engine.JobHandler;
import ai.stockclerk.engine.JobKind;
import ai.stockclerk.engine.KindSettings;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Registers the guardian job kind with the engine and ticks the scheduler. A failing tick is logged
 * and the loop goes on; runs themselves happen on the engine's guardian workers.
 */
final class GuardianLoop implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(GuardianLoop.class);

  private final Engine engine;
  private final KindSettings settings;
  private final JobHandler handler;
  private final GuardianScheduler scheduler;
  private final GuardianProperties properties;
  private ScheduledExecutorService loop;
  private boolean registered;
  private boolean running;

  GuardianLoop(Engine engine, KindSettings settings, JobHandler handler, GuardianScheduler scheduler,
      GuardianProperties properties) {
    this.engine = engine;
    this.settings = settings;
    this.handler = handler;
    this.scheduler = scheduler;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    if (!registered) {
      engine.register(JobKind.GUARDIAN, settings, handler);
      registered = true;
    }
    running = true;
    if (!properties.enabled()) {
      return;
    }
    loop = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "guardian-scheduler");
      thread.setDaemon(true);
      return thread;
    });
    long millis = properties.tick().toMillis();
    loop.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      scheduler.tick();
    } catch (RuntimeException failure) {
      LOG.error("guardian scheduler tick failed; it runs again in {}", properties.tick(), failure);
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (loop != null) {
      loop.shutdownNow();
      loop = null;
      scheduler.resign();
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return running;
  }

  /** Registers before the flow starts the engine (a lower phase starts first). */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 10;
  }
}
