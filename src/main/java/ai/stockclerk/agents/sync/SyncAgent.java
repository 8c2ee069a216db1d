package ai.stockclerk.agents.sync;

import ai.stockclerk.agents.ChannelConnections;
import ai.stockclerk.agents.FlowProperties;
import ai.stockclerk.agents.RecentChannels;
import ai.stockclerk.agents.events.EventPayloads;
import ai.stockclerk.agents.events.TenantEvents;
import ai.stockclerk.agents.status.AgentActivity;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.channels.ChannelRegistry;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.LevelUpdate;
import ai.stockclerk.channels.PushResult;
import ai.stockclerk.engine.Job;
import ai.stockclerk.engine.JobHandler;
import ai.stockclerk.engine.RetryLaterException;
import ai.stockclerk.store.ChannelRecord;
import ai.stockclerk.store.ChannelStore;
import ai.stockclerk.store.PushState;
import ai.stockclerk.store.PushStateStore;
import ai.stockclerk.store.PushStateStore.PushOutcome;
import ai.stockclerk.store.Tenancy;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The Sync agent: one job pushes a channel's dirty items (level-triggered, invariant I3). The level
 * is computed from stock when the job runs, so a burst of sales becomes one push of the latest
 * level; {@code pushed_level} moves only on the vendor's acknowledgement. Retryable failures back
 * off (honouring Retry-After), refused credentials disconnect the channel, an item the vendor
 * refuses for good is given up and reported, and a circuit per channel stops calls to a dead one.
 */
@Component
public class SyncAgent implements JobHandler {

  /** Status detail of a channel whose credentials nobody has checked yet: it is still served. */
  public static final String NOT_CHECKED = "credentials not checked yet";

  private final Tenancy tenancy;
  private final RecentChannels channels;
  private final ChannelStore channelStore;
  private final PushStateStore pushStates;
  private final ChannelRegistry registry;
  private final ChannelConnections connections;
  private final TenantEvents events;
  private final SyncTrigger trigger;
  private final AgentActivity activity;
  private final FlowProperties properties;
  private final PushPacer pacer;
  private final ChannelBreakers breakers;
  private volatile int maxAttempts = Integer.MAX_VALUE;

  SyncAgent(Tenancy tenancy, RecentChannels channels, ChannelStore channelStore, PushStateStore pushStates,
      ChannelRegistry registry, ChannelConnections connections, TenantEvents events, SyncTrigger trigger,
      AgentActivity activity, FlowProperties properties) {
    this.tenancy = tenancy;
    this.channels = channels;
    this.channelStore = channelStore;
    this.pushStates = pushStates;
    this.registry = registry;
    this.connections = connections;
    this.events = events;
    this.trigger = trigger;
    this.activity = activity;
    this.properties = properties;
    this.pacer = new PushPacer(properties.minPushInterval(), Clock.systemUTC());
    this.breakers = new ChannelBreakers(properties.breakerFailureRate(), properties.breakerOpenFor());
  }

  /** The engine's attempt limit for sync jobs, so a failure can say whether it was the last try. */
  public void maxAttempts(int value) {
    maxAttempts = value;
  }

  @Override
  public void handle(Job job) {
    UUID tenant = UUID.fromString(job.tenant());
    UUID channelId = UUID.fromString(job.payload());
    Duration wait = pacer.reserve(channelId);
    if (!wait.isZero()) {
      trigger.later(tenant, channelId, wait);
      return;
    }
    try {
      pushWithPermission(tenant, channelId, job.attempt());
    } finally {
      pacer.release(channelId);
    }
  }

  private void pushWithPermission(UUID tenant, UUID channelId, int attempt) {
    CircuitBreaker breaker = breakers.of(channelId);
    if (!breaker.tryAcquirePermission()) {
      trigger.later(tenant, channelId, breakers.openFor());
      return;
    }
    long start = System.nanoTime();
    Optional<PushPlan> plan;
    try {
      plan = plan(tenant, channelId);
    } catch (RuntimeException failure) {
      breaker.releasePermission();
      throw failure;
    }
    if (plan.isEmpty() || plan.get().isEmpty()) {
      breaker.releasePermission();
      return;
    }
    push(tenant, channelId, plan.get(), breaker, start, attempt);
  }

  private Optional<PushPlan> plan(UUID tenant, UUID channelId) {
    Optional<ChannelRecord> channel = channels.find(tenant, channelId);
    if (channel.isEmpty()) {
      return Optional.empty();
    }
    ChannelType type = ChannelType.fromWireName(channel.get().type()).orElseThrow();
    List<PushState> dirty = pushStates.toPush(tenant, channelId, properties.syncBatchLimit(), NOT_CHECKED);
    List<LevelUpdate> updates = new ArrayList<>();
    Map<String, PushState> byExternalId = new LinkedHashMap<>();
    List<PushState> alreadyShown = new ArrayList<>();
    for (PushState state : dirty) {
      int level = LevelsToShow.of(type, state);
      if (LevelsToShow.alreadyShown(type, state, level)) {
        alreadyShown.add(state);
      } else {
        updates.add(LevelsToShow.update(state, level));
        byExternalId.put(state.externalId(), state);
      }
    }
    if (!alreadyShown.isEmpty()) {
      // Nothing to send for these: the channel shows the level already.
      pushStates.settle(tenant, channelId, alreadyShown.stream()
          .map(state -> new PushStateStore.Settled(state.itemId(), LevelsToShow.of(type, state), state.dirtyVersion(),
              PushOutcome.NOT_OWED))
          .toList(), List.of());
    }
    if (updates.isEmpty()) {
      return Optional.of(new PushPlan(null, null, updates, byExternalId, false));
    }
    try {
      return Optional.of(new PushPlan(connections.of(channel.get()), registry.connectorFor(type), updates,
          byExternalId, dirty.size() >= properties.syncBatchLimit()));
    } catch (RuntimeException unusable) {
      release(tenant, channelId, new PushPlan(null, null, updates, byExternalId, false), List.of());
      throw unusable;
    }
  }

  /** The push did not happen or did not settle these items: they stay owed and stop being in flight. */
  private void release(UUID tenant, UUID channelId, PushPlan plan, List<PushStateStore.PushAudit> audits) {
    pushStates.settle(tenant, channelId, plan.updates().stream()
        .map(update -> {
          PushState state = plan.byExternalId().get(update.externalId());
          return new PushStateStore.Settled(state.itemId(), update.level(), state.dirtyVersion(),
              PushOutcome.UNSETTLED);
        })
        .toList(), audits);
  }

  private void push(UUID tenant, UUID channelId, PushPlan plan, CircuitBreaker breaker, long start, int attempt) {
    PushResult result;
    try {
      result = plan.connector().setLevels(plan.connection(), plan.updates());
    } catch (ChannelException failure) {
      long nanos = System.nanoTime() - start;
      if (failure.failure() == ChannelException.Failure.AUTHENTICATION) {
        breaker.releasePermission();
        disconnected(tenant, channelId, plan, failure);
        return;
      }
      if (failure.failure() == ChannelException.Failure.ITEM_PERMANENT) {
        breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
        Map<String, String> all = new LinkedHashMap<>();
        plan.updates().forEach(u -> all.put(u.externalId(), failure.getMessage()));
        finish(tenant, channelId, plan, new PushResult(List.of(), all), nanos);
        return;
      }
      breaker.onError(nanos, TimeUnit.NANOSECONDS, failure);
      retryLater(tenant, channelId, plan, failure, attempt);
      return;
    } catch (RuntimeException unexpected) {
      breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, unexpected);
      activity.failed(tenant, AgentActivity.SYNC, unexpected.getClass().getSimpleName());
      try {
        release(tenant, channelId, plan, List.of());
      } catch (RuntimeException alsoFailed) {
        unexpected.addSuppressed(alsoFailed); // the items are forgotten as in flight after 30 s
      }
      throw unexpected;
    }
    long nanos = System.nanoTime() - start;
    breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    finish(tenant, channelId, plan, result, nanos);
  }

  private void finish(UUID tenant, UUID channelId, PushPlan plan, PushResult result, long nanos) {
    long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
    List<String> givenUp = new ArrayList<>();
    int conflicts = 0;
    List<PushStateStore.Settled> settled = new ArrayList<>();
    List<PushStateStore.PushAudit> audits = new ArrayList<>();
    for (LevelUpdate update : plan.updates()) {
      PushState state = plan.byExternalId().get(update.externalId());
      if (result.acknowledged().contains(update.externalId())) {
        settled.add(new PushStateStore.Settled(state.itemId(), update.level(), state.dirtyVersion(),
            PushOutcome.ACKNOWLEDGED));
      } else if (result.rejected().containsKey(update.externalId())
          && !isStaleCompare(result.rejected().get(update.externalId()))) {
        String reason = result.rejected().get(update.externalId());
        settled.add(new PushStateStore.Settled(state.itemId(), update.level(), state.dirtyVersion(),
            PushOutcome.NOT_OWED));
        givenUp.add(update.externalId());
        audits.add(new PushStateStore.PushAudit("sync.item_rejected", "failed", state.productId(),
            EventPayloads.json("externalId", update.externalId(), "level", update.level()), reason));
      } else {
        // Refused as stale (a sale on its way to us), or not answered: still owed.
        conflicts++;
        settled.add(new PushStateStore.Settled(state.itemId(), update.level(), state.dirtyVersion(),
            PushOutcome.UNSETTLED));
      }
    }
    audits.add(new PushStateStore.PushAudit("sync.push", givenUp.isEmpty() ? "completed" : "failed", null,
        EventPayloads.json("items", plan.updates().size(), "acknowledged", result.acknowledged().size(),
            "rejected", result.rejected().size(), "conflicts", conflicts, "durationMs", millis), null));
    pushStates.settle(tenant, channelId, settled, audits);
    events.publish(tenant, TenantEvents.SYNC_COMPLETED, EventPayloads.json("channelId", channelId,
        "items", result.acknowledged().size(), "durationMs", millis));
    if (!givenUp.isEmpty()) {
      events.publish(tenant, TenantEvents.SYNC_FAILED, EventPayloads.json("channelId", channelId,
          "failure", "item_permanent", "message", "the channel refused " + givenUp.size() + " item(s)",
          "externalIds", givenUp, "givenUp", true));
    }
    activity.succeeded(tenant, AgentActivity.SYNC, result.acknowledged().size());
    if (plan.moreWaiting() || conflicts > 0) {
      trigger.later(tenant, channelId, properties.minPushInterval());
    }
  }

  /** Shopify refuses a compare-and-set whose expected level is stale: a sale is on its way to us. */
  private static boolean isStaleCompare(String reason) {
    return reason != null && reason.contains("STALE");
  }

  private void retryLater(UUID tenant, UUID channelId, PushPlan plan, ChannelException failure, int attempt) {
    boolean last = attempt >= maxAttempts;
    failed(tenant, channelId, plan, "retryable", failure, last);
    throw new RetryLaterException("push to channel " + channelId + " failed: " + failure.getMessage(),
        failure.retryAfter().orElse(null));
  }

  private void disconnected(UUID tenant, UUID channelId, PushPlan plan, ChannelException failure) {
    String detail = "the vendor refused the credentials";
    tenancy.runInTenant(tenant, () -> channelStore.recordCredentialCheck(channelId, "disconnected", detail));
    events.publish(tenant, TenantEvents.CHANNEL_STATUS, EventPayloads.json("channelId", channelId,
        "status", "disconnected", "detail", detail));
    failed(tenant, channelId, plan, "authentication", failure, true);
  }

  private void failed(UUID tenant, UUID channelId, PushPlan plan, String kind, ChannelException failure,
      boolean givenUp) {
    List<String> ids = plan.updates().stream().map(LevelUpdate::externalId).toList();
    release(tenant, channelId, plan, List.of(new PushStateStore.PushAudit("sync.push", "failed", null,
        EventPayloads.json("items", ids.size(), "failure", kind, "givenUp", givenUp), failure.getMessage())));
    events.publish(tenant, TenantEvents.SYNC_FAILED, EventPayloads.json("channelId", channelId, "failure", kind,
        "message", failure.getMessage(), "externalIds", ids, "givenUp", givenUp));
    activity.failed(tenant, AgentActivity.SYNC, kind + ": " + failure.getMessage());
  }
}
