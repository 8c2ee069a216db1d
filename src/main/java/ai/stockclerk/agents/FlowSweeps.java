package ai.stockclerk.agents;

import ai.stockclerk.agents.status.AgentActivity;
import ai.stockclerk.agents.sync.SyncTrigger;
import ai.stockclerk.agents.watcher.WatcherAgent;
import ai.stockclerk.engine.Engine;
import ai.stockclerk.store.FlowRoutes;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Queues are hints, the database is the truth (invariant I4): these loops re-queue inbox rows left
 * unprocessed (a lost job, a crash), push requests for items still dirty, and credential checks of
 * channels saved since their last check. A failing loop logs, and runs again next interval.
 *
 * <p>Runs once cluster-wide: each round first takes (or renews) the engine lease {@link #LEASE}.
 * The work it queues is idempotent and coalesced anyway, so a lapsed lease only costs look-ups.
 */
@Component
class FlowSweeps implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(FlowSweeps.class);
  static final int BATCH = 500;
  static final String LEASE = "flow-sweeps";

  private final FlowRoutes routes;
  private final Engine engine;
  private final SyncTrigger sync;
  private final CredentialCheck credentials;
  private final AgentActivity activity;
  private final FlowProperties properties;
  private final ai.stockclerk.engine.LeaseManager leases;
  private final String owner = "flow-" + java.util.UUID.randomUUID();
  private final Clock clock = Clock.systemUTC();
  private ScheduledExecutorService loop;

  FlowSweeps(FlowRoutes routes, Engine engine, SyncTrigger sync, CredentialCheck credentials, AgentActivity activity,
      FlowProperties properties, ai.stockclerk.engine.LeaseManager leases) {
    this.leases = leases;
    this.routes = routes;
    this.engine = engine;
    this.sync = sync;
    this.credentials = credentials;
    this.activity = activity;
    this.properties = properties;
  }

  /** Re-queues inbox rows older than the recovery age that are still unprocessed; returns how many. */
  int recoverInbox() {
    var pending = routes.pendingInbox(clock.instant().minus(properties.inboxRecoveryAge()), BATCH);
    for (var row : pending) {
      engine.enqueue(WatcherAgent.jobFor(row.tenantId(), row.inboxId()));
    }
    return pending.size();
  }

  int requeueDirty() {
    var owing = routes.channelsOwingPush(BATCH);
    owing.forEach(work -> sync.request(work.tenantId(), work.channelId()));
    return owing.size();
  }

  int checkCredentials() {
    var saved = routes.channelsToCheck(BATCH);
    saved.forEach(work -> credentials.check(work.tenantId(), work.channelId()));
    return saved.size();
  }

  @Override
  public synchronized void start() {
    loop = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "flow-sweeps");
      thread.setDaemon(true);
      return thread;
    });
    long millis = properties.sweepInterval().toMillis();
    every(millis, "inbox recovery", this::recoverInbox);
    every(millis, "dirty items", this::requeueDirty);
    every(Math.max(200, millis / 4), "credential checks", this::checkCredentials);
    // Counters live in each node's memory: every node flushes its own, lease or not.
    loop.scheduleWithFixedDelay(() -> {
      try {
        activity.flush();
      } catch (RuntimeException failure) {
        LOG.error("agent activity flush failed; it runs again in {} ms", millis, failure);
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
  }

  private void every(long millis, String name, java.util.function.IntSupplier task) {
    loop.scheduleWithFixedDelay(() -> {
      try {
        if (leases.tryAcquire(LEASE, owner, properties.sweepInterval().multipliedBy(3)).isEmpty()) {
          return;
        }
        int found = task.getAsInt();
        if (found > 0) {
          LOG.debug("sweep '{}' queued {}", name, found);
        }
      } catch (RuntimeException failure) {
        LOG.error("sweep '{}' failed; it runs again in {} ms", name, millis, failure);
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (loop != null) {
      loop.shutdownNow();
      loop = null;
      activity.flush();
    }
  }

  @Override
  public boolean isRunning() {
    return loop != null;
  }

  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 1;
  }
}
