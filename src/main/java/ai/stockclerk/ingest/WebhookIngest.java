package ai.stockclerk.ingest;

import ai.stockclerk.agents.ChannelConnections;
import ai.stockclerk.agents.watcher.WatcherAgent;
import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelConnector;
import ai.stockclerk.channels.ChannelRegistry;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.engine.Engine;
import ai.stockclerk.engine.QueueFullException;
import ai.stockclerk.store.ChannelRecord;
import ai.stockclerk.store.FlowRoutes;
import ai.stockclerk.store.FlowRoutes.ChannelRoute;
import ai.stockclerk.store.InboxStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts one inbound webhook: route it to its channel, verify the signature over the raw bytes,
 * parse it, and commit it to the inbox with its dedup key before anyone answers 2xx (invariant I4).
 * Processing is queued afterwards; if queueing fails the inbox sweep finds the row.
 */
@Service
class WebhookIngest {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookIngest.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final FlowRoutes routes;
  private final RouteCache routeCache;
  private final ChannelRegistry registry;
  private final ChannelConnections connections;
  private final InboxStore inbox;
  private final Engine engine;

  WebhookIngest(FlowRoutes routes, RouteCache routeCache, ChannelRegistry registry,
      ChannelConnections connections, InboxStore inbox, Engine engine) {
    this.routes = routes;
    this.routeCache = routeCache;
    this.registry = registry;
    this.connections = connections;
    this.inbox = inbox;
    this.engine = engine;
  }

  /** What happened to an accepted webhook. */
  enum Accepted {
    NEW,
    DUPLICATE
  }

  Accepted accept(String type, UUID channelId, WebhookRequest request) {
    ChannelType channelType = typeOf(type);
    ChannelRoute route = routeCache.route(channelId)
        .filter(r -> r.active() && r.type().equals(channelType.wireName()))
        .orElseThrow(UnknownChannelException::new);
    return accept(route, channelType, request);
  }

  /** For vendors that send every shop to one URL: the channel is found by the vendor's instance id. */
  Accepted acceptAppWide(String type, WebhookRequest request) {
    ChannelType channelType = typeOf(type);
    ChannelConnector connector = registry.find(channelType).orElseThrow(UnknownChannelException::new);
    String instance = connector.instanceIdOf(request).orElseThrow(UnknownChannelException::new);
    ChannelRoute route = routes.routeByInstance(channelType.wireName(), instance)
        .filter(ChannelRoute::active)
        .orElseThrow(UnknownChannelException::new);
    return accept(route, channelType, request);
  }

  private Accepted accept(ChannelRoute route, ChannelType type, WebhookRequest request) {
    ChannelConnector connector = registry.find(type).orElseThrow(UnknownChannelException::new);
    ChannelRecord channel = routeCache.channel(route).orElseThrow(UnknownChannelException::new);
    ChannelConnection connection = connections.of(channel);
    connector.verifyWebhook(connection, request);
    List<StockEvent> events = connector.parseWebhook(connection, request);
    String dedupKey = dedupKey(events, request);
    String headers = headersJson(request);
    // Only the insert holds a connection, for one round trip: checking and parsing happen before,
    // on the cached channel.
    Optional<Long> stored;
    try {
      stored = inbox.acceptAsTenant(route.tenantId(), channel.id(), dedupKey, request.body(), headers);
    } catch (DataIntegrityViolationException removedMeanwhile) {
      // The cached channel was deleted in the last few seconds: its webhooks go nowhere now.
      throw new UnknownChannelException();
    }
    if (stored.isEmpty()) {
      return Accepted.DUPLICATE;
    }
    try {
      engine.enqueue(WatcherAgent.batchJobFor(route.tenantId()));
    } catch (QueueFullException | IllegalStateException notQueued) {
      LOG.warn("webhook {} of tenant {} stored but not queued ({}); the inbox sweep will process it",
          stored.get(), route.tenantId(), notQueued.getMessage());
    }
    return Accepted.NEW;
  }

  /** The vendor's event id when every event shares one, else a hash of the raw body. */
  static String dedupKey(List<StockEvent> events, WebhookRequest request) {
    List<String> ids = events.stream().map(StockEvent::eventId).distinct().toList();
    if (ids.size() == 1 && ids.get(0) != null && !ids.get(0).isBlank() && ids.get(0).length() <= 200) {
      return "event:" + ids.get(0);
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(request.body());
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static String headersJson(WebhookRequest request) {
    // Credentials never belong in the inbox, even when a caller sends them along.
    var kept = new java.util.TreeMap<String, List<String>>(request.headers());
    kept.keySet().removeIf(name -> name.equalsIgnoreCase("authorization") || name.equalsIgnoreCase("cookie"));
    return JSON.writeValueAsString(kept);
  }

  private static ChannelType typeOf(String type) {
    return ChannelType.fromWireName(type).orElseThrow(UnknownChannelException::new);
  }

}
