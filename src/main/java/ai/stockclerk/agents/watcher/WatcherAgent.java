package ai.stockclerk.agents.watcher;

import ai.stockclerk.agents.ChannelConnections;
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
import ai.stockclerk.engine.Job;
import ai.stockclerk.engine.JobHandler;
import ai.stockclerk.store.AuditTrail;
import ai.stockclerk.store.ChannelRecord;
import ai.stockclerk.store.ChannelStore;
import ai.stockclerk.store.InboxRecord;
import ai.stockclerk.store.InboxStore;
import ai.stockclerk.store.Tenancy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Watcher: processes one inbox row per job. The stock changes, the movements, the items' last
 * known levels and the row's status commit in one transaction (invariant I2); a row found already
 * processed (a redelivered job) does nothing. Events and sync requests go out after the commit.
 */
@Component
public class WatcherAgent implements JobHandler {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Tenancy tenancy;
  private final InboxStore inbox;
  private final ChannelStore channels;
  private final ChannelRegistry registry;
  private final ChannelConnections connections;
  private final StockEventApplier applier;
  private final AuditTrail audit;
  private final TenantEvents events;
  private final SyncTrigger sync;
  private final AgentActivity activity;

  WatcherAgent(Tenancy tenancy, InboxStore inbox, ChannelStore channels, ChannelRegistry registry,
      ChannelConnections connections, StockEventApplier applier, AuditTrail audit, TenantEvents events,
      SyncTrigger sync, AgentActivity activity) {
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
  }

  /** The payload of a webhook job: the inbox row id. */
  public static String payloadOf(long inboxId) {
    return Long.toString(inboxId);
  }

  @Override
  public void handle(Job job) {
    UUID tenant = UUID.fromString(job.tenant());
    long inboxId = Long.parseLong(job.payload());
    WebhookOutcome outcome;
    try {
      outcome = tenancy.inTenant(tenant, () -> process(inboxId));
    } catch (RuntimeException failure) {
      activity.failed(tenant, AgentActivity.WATCHER, failure.getClass().getSimpleName());
      tenancy.runInTenant(tenant, () -> inbox.failedAttempt(inboxId, describe(failure)));
      throw failure;
    }
    announce(tenant, outcome);
    activity.succeeded(tenant, AgentActivity.WATCHER, 1);
  }

  private WebhookOutcome process(long inboxId) {
    Optional<InboxRecord> row = inbox.lock(inboxId);
    if (row.isEmpty() || !InboxStore.RECEIVED.equals(row.get().status())) {
      return WebhookOutcome.NOTHING;
    }
    Optional<ChannelRecord> channel = channels.find(row.get().channelId());
    if (channel.isEmpty()) {
      inbox.finish(inboxId, InboxStore.IGNORED, "channel removed");
      return WebhookOutcome.NOTHING;
    }
    ChannelType type = ChannelType.fromWireName(channel.get().type()).orElseThrow();
    List<StockEvent> stockEvents;
    try {
      ChannelConnector connector = registry.connectorFor(type);
      stockEvents = connector.parseWebhook(connections.of(channel.get()), request(row.get()));
    } catch (WebhookRejectedException unreadable) {
      inbox.finish(inboxId, InboxStore.FAILED, unreadable.getMessage());
      return WebhookOutcome.NOTHING;
    }
    WebhookOutcome outcome = applier.apply(channel.get().id(), type, stockEvents);
    for (String externalId : outcome.unmapped()) {
      audit.record("item.unmapped", "completed", channel.get().id(), null, "watcher",
          EventPayloads.json("externalId", externalId, "inboxId", inboxId), null);
    }
    inbox.finish(inboxId, stockEvents.isEmpty() ? InboxStore.IGNORED : InboxStore.PROCESSED, null);
    return outcome;
  }

  private void announce(UUID tenant, WebhookOutcome outcome) {
    for (AppliedChange change : outcome.changes()) {
      events.publish(tenant, TenantEvents.STOCK_CHANGED, EventPayloads.json("productId", change.productId(),
          "sku", change.sku(), "stock", change.stock(), "delta", change.delta(), "kind", change.kind(),
          "sourceChannelId", change.sourceChannelId()));
    }
    outcome.channelsToSync().forEach(channel -> sync.request(tenant, channel));
    for (String externalId : outcome.unmapped()) {
      events.publish(tenant, TenantEvents.ITEM_UNMAPPED, EventPayloads.json("channelId", outcome.channelId(), "externalId",
          externalId));
    }
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
