package ai.stockclerk.agents.watcher;

import ai.stockclerk.agents.ChannelConnections;
import ai.stockclerk.agents.RecentChannels;
import ai.stockclerk.agents.events.EventPayloads;
import ai.stockclerk.agents.events.TenantEvents;
import ai.stockclerk.agents.status.AgentActivity;
import ai.stockclerk.agents.sync.SyncTrigger;
import ai.stockclerk.channels.ChannelConnector;
import ai.stockclerk.channels.ChannelRegistry;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.engine.Engine;
import ai.stockclerk.engine.Job;
import ai.stockclerk.engine.JobHandler;
import ai.stockclerk.engine.JobKind;
import ai.stockclerk.engine.JobRequest;
import ai.stockclerk.engine.QueueFullException;
import ai.stockclerk.engine.RetryLaterException;
import ai.stockclerk.store.AuditTrail;
import ai.stockclerk.store.ChannelRecord;
import ai.stockclerk.store.InboxRecord;
import ai.stockclerk.store.InboxStore;
import ai.stockclerk.store.Tenancy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Watcher. Its usual job takes a tenant's untried inbox rows, oldest first, in one transaction
 * (one job per tenant at a time through its coalescing key, so a busy tenant's webhooks are handled
 * in batches rather than one transaction each); a job naming one row, as the recovery sweep queues,
 * takes just that row. Either way the stock changes, the movements, the items' last known levels
 * and the rows' statuses commit together (invariant I2), without waiting for the disk: the rows
 * were stored durably before the vendor was answered, and a transaction whose commit a crash loses
 * leaves them untried for the recovery sweep. A row found already processed does nothing, and
 * events and sync requests go out after the commit. When a batch fails, its rows are
 * taken again one at a time, so one bad row holds up only itself. A webhook reporting a level on an
 * item while our push to that item is in flight is given back and taken again once the push
 * settled (it may be our own write's echo, or a sale counted from the level we pushed); the rest of
 * the batch goes through.
 */
@Component
public class WatcherAgent implements JobHandler {

  private static final Logger LOG = LoggerFactory.getLogger(WatcherAgent.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** Payload of a job that takes the tenant's untried rows rather than one row. */
  static final String BATCH = "batch";
  static final int BATCH_SIZE = 50;
  /** How long webhooks reporting on an item wait for a push in flight to it to settle. */
  static final Duration SETTLE_WAIT = Duration.ofMillis(50);

  private final Tenancy tenancy;
  private final InboxStore inbox;
  private final RecentChannels channels;
  private final ChannelRegistry registry;
  private final ChannelConnections connections;
  private final StockEventApplier applier;
  private final AuditTrail audit;
  private final TenantEvents events;
  private final SyncTrigger sync;
  private final AgentActivity activity;
  private final ObjectProvider<Engine> engine;

  WatcherAgent(Tenancy tenancy, InboxStore inbox, RecentChannels channels, ChannelRegistry registry,
      ChannelConnections connections, StockEventApplier applier, AuditTrail audit, TenantEvents events,
      SyncTrigger sync, AgentActivity activity, ObjectProvider<Engine> engine) {
    this.tenancy = tenancy;
    this.inbox = inbox;
    this.channels = channels;
    this.registry = registry;
    this.connections = connections;
    this.applier = applier;
    this.audit = audit;
    this.events = events;
    this.sync = sync;
    this.activity = activity;
    this.engine = engine;
  }

  /** The job that processes one row (the recovery sweep's). */
  public static JobRequest jobFor(UUID tenant, long inboxId) {
    return JobRequest.of(tenant.toString(), JobKind.WEBHOOK, Long.toString(inboxId)).coalescedBy("inbox:" + inboxId);
  }

  /** The job that processes the tenant's untried rows; any number of requests while one waits are that one. */
  public static JobRequest batchJobFor(UUID tenant) {
    return JobRequest.of(tenant.toString(), JobKind.WEBHOOK, BATCH).coalescedBy("inbox-batch:" + tenant);
  }

  @Override
  public void handle(Job job) {
    UUID tenant = UUID.fromString(job.tenant());
    if (BATCH.equals(job.payload())) {
      handleBatch(tenant);
    } else {
      handleOne(tenant, Long.parseLong(job.payload()));
    }
  }

  private void handleOne(UUID tenant, long inboxId) {
    Processed processed;
    try {
      processed = tenancy.inTenantRedoable(tenant, () -> inbox.claim(inboxId)
          .map(row -> processAndFinish(tenant, List.of(row)))
          .orElse(Processed.NOTHING));
    } catch (RuntimeException failure) {
      activity.failed(tenant, AgentActivity.WATCHER, failure.getClass().getSimpleName());
      tenancy.runInTenant(tenant, () -> inbox.failedAttempt(inboxId, describe(failure)));
      throw failure;
    }
    announce(tenant, processed);
    if (processed.held()) {
      throw new RetryLaterException("webhook " + inboxId + " waits for a push to settle", SETTLE_WAIT);
    }
    activity.succeeded(tenant, AgentActivity.WATCHER, 1);
  }

  /**
   * What a transaction's rows did, and the channels that now owe a push; {@code held}: some rows
   * wait for a push in flight, given back to be taken again.
   */
  private record Processed(List<WebhookOutcome> outcomes, List<UUID> toSync, boolean held) {
    static final Processed NOTHING = new Processed(List.of(), List.of(), false);
  }

  private record Batch(Processed processed, boolean full) {}

  private void handleBatch(UUID tenant) {
    Batch batch;
    try {
      batch = tenancy.inTenantRedoable(tenant, () -> {
        List<InboxRecord> rows = inbox.claimUntried(BATCH_SIZE);
        return new Batch(processAndFinish(tenant, rows), rows.size() == BATCH_SIZE);
      });
    } catch (RuntimeException failure) {
      LOG.warn("a batch of webhooks of tenant {} failed; taking its rows one at a time", tenant, failure);
      if (oneAtATime(tenant)) {
        queueNextBatch(tenant);
      }
      return;
    }
    announce(tenant, batch.processed());
    if (!batch.processed().outcomes().isEmpty()) {
      activity.succeeded(tenant, AgentActivity.WATCHER, batch.processed().outcomes().size());
    }
    if (batch.processed().held()) {
      // Rows given back wait for a push in flight: the next batch takes them once it settled.
      queueBatch(tenant, SETTLE_WAIT);
    } else if (batch.full()) {
      queueNextBatch(tenant);
    }
  }

  /** After a failed batch: each row in its own transaction; a row that fails again waits for the sweep. */
  private boolean oneAtATime(UUID tenant) {
    List<Long> ids = tenancy.inTenant(tenant, () -> inbox.untriedIds(BATCH_SIZE));
    for (long id : ids) {
      try {
        handleOne(tenant, id);
      } catch (RuntimeException failure) {
        LOG.warn("webhook {} of tenant {} failed; the inbox sweep retries it", id, tenant, failure);
      }
    }
    return ids.size() == BATCH_SIZE;
  }

  private void queueNextBatch(UUID tenant) {
    queueBatch(tenant, Duration.ZERO);
  }

  private void queueBatch(UUID tenant, Duration delay) {
    try {
      engine.getObject().enqueue(delay.isZero() ? batchJobFor(tenant) : batchJobFor(tenant).delayedBy(delay));
    } catch (QueueFullException | IllegalStateException notQueued) {
      LOG.warn("next webhook batch of tenant {} not queued ({}); the next webhook or the inbox sweep takes it",
          tenant, notQueued.getMessage());
    }
  }

  /**
   * Applies claimed rows (already marked processed), gives the rows that end otherwise their
   * status, and gives back unclaimed the rows held for a push in flight, all in the caller's
   * transaction. Every row is read first; then all their events are applied in one call, product
   * by product (see {@link StockEventApplier#applyAll}).
   */
  private Processed processAndFinish(UUID tenant, List<InboxRecord> rows) {
    Map<UUID, Optional<ChannelRecord>> known = new HashMap<>();
    List<RowWork> work = new ArrayList<>();
    List<StockEventApplier.Webhook> webhooks = new ArrayList<>();
    for (InboxRecord row : rows) {
      RowWork one = read(row, known.computeIfAbsent(row.channelId(), channel -> channels.find(tenant, channel)));
      work.add(one);
      if (one.applying() != null) {
        webhooks.add(new StockEventApplier.Webhook(one.applying(), one.type(), one.events()));
      }
    }
    List<UUID> toSync = applier.applyAll(webhooks);
    Map<String, List<Long>> otherwise = new HashMap<>();
    List<WebhookOutcome> outcomes = new ArrayList<>();
    List<Long> held = new ArrayList<>();
    for (RowWork one : work) {
      if (one.applying() != null && one.applying().held()) {
        held.add(one.row().id());
        continue;
      }
      WebhookOutcome outcome = one.outcome();
      for (String externalId : outcome.unmapped()) {
        audit.record("item.unmapped", "completed", outcome.channelId(), null, "watcher",
            EventPayloads.json("externalId", externalId, "inboxId", one.row().id()), null);
      }
      if (outcome.error() != null) {
        inbox.finishAs(one.row().id(), outcome.status(), outcome.error());
      } else if (!InboxStore.PROCESSED.equals(outcome.status())) {
        otherwise.computeIfAbsent(outcome.status(), status -> new ArrayList<>()).add(one.row().id());
      }
      outcomes.add(outcome);
    }
    otherwise.forEach((status, ids) -> inbox.finishAs(ids, status));
    inbox.giveBack(held);
    return new Processed(outcomes, toSync, !held.isEmpty());
  }

  /** Parses one row on its channel; a row that cannot be applied says how it is to be finished. */
  private RowWork read(InboxRecord row, Optional<ChannelRecord> channel) {
    if (channel.isEmpty()) {
      return RowWork.finishedAs(row, WebhookOutcome.ignored("channel removed"));
    }
    ChannelType type = ChannelType.fromWireName(channel.get().type()).orElseThrow();
    try {
      ChannelConnector connector = registry.connectorFor(type);
      List<StockEvent> events = connector.parseWebhook(connections.of(channel.get()), request(row));
      return new RowWork(row, type, events, new StockEventApplier.Applying(channel.get().id()), null);
    } catch (WebhookRejectedException unreadable) {
      return RowWork.finishedAs(row, WebhookOutcome.failed(unreadable.getMessage()));
    }
  }

  /** One row's way through a batch: its events to apply, or the outcome already decided. */
  private record RowWork(InboxRecord row, ChannelType type, List<StockEvent> events,
      StockEventApplier.Applying applying, WebhookOutcome decided) {

    static RowWork finishedAs(InboxRecord row, WebhookOutcome outcome) {
      return new RowWork(row, null, List.of(), null, outcome);
    }

    WebhookOutcome outcome() {
      if (decided != null) {
        return decided;
      }
      return applying.outcome().withStatus(events.isEmpty() ? InboxStore.IGNORED : InboxStore.PROCESSED);
    }
  }

  private void announce(UUID tenant, Processed processed) {
    for (WebhookOutcome outcome : processed.outcomes()) {
      for (AppliedChange change : outcome.changes()) {
        events.publish(tenant, TenantEvents.STOCK_CHANGED, EventPayloads.json("productId", change.productId(),
            "sku", change.sku(), "stock", change.stock(), "threshold", change.lowStockThreshold(),
            "delta", change.delta(), "kind", change.kind(),
            "sourceChannelId", change.sourceChannelId()));
      }
      for (String externalId : outcome.unmapped()) {
        events.publish(tenant, TenantEvents.ITEM_UNMAPPED, EventPayloads.json("channelId", outcome.channelId(),
            "externalId", externalId));
      }
    }
    processed.toSync().forEach(channel -> sync.request(tenant, channel));
  }

  private static WebhookRequest request(InboxRecord row) {
    Map<String, List<String>> headers = JSON.readValue(row.headersJson(), new TypeReference<>() {});
    return new WebhookRequest("", headers, row.body(), row.receivedAt());
  }

  private static String describe(RuntimeException failure) {
    String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
    return text.length() > 500 ? text.substring(0, 500) : text;
  }
}
