package ai.stockclerk.ingest;

import ai.stockclerk.store.ChannelRecord;
import ai.stockclerk.store.ChannelStore;
import ai.stockclerk.store.FlowRoutes;
import ai.stockclerk.store.FlowRoutes.ChannelRoute;
import ai.stockclerk.store.Tenancy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Remembers where a channel's webhooks go, and the channel itself, for a few seconds, saving two
 * queries and a connection checkout per webhook. Only found routes are kept (random ids cannot
 * fill it); a channel deactivated or removed stops taking webhooks within {@link #TTL} (its rows
 * would be ignored anyway), and new settings or a new webhook secret apply within the same.
 */
@Component
class RouteCache {

  static final Duration TTL = Duration.ofSeconds(5);
  static final int MAX_ENTRIES = 100_000;

  private record Entry(ChannelRoute route, Instant until) {}

  private record Channel(ChannelRecord channel, Instant until) {}

  private final Map<UUID, Entry> routes = new ConcurrentHashMap<>();
  private final Map<UUID, Channel> channels = new ConcurrentHashMap<>();
  private final FlowRoutes store;
  private final Tenancy tenancy;
  private final ChannelStore channelStore;
  private final Clock clock = Clock.systemUTC();

  RouteCache(FlowRoutes store, Tenancy tenancy, ChannelStore channelStore) {
    this.store = store;
    this.tenancy = tenancy;
    this.channelStore = channelStore;
  }

  /** The routed channel as stored, read in its tenant's transaction when not known or too old. */
  Optional<ChannelRecord> channel(ChannelRoute route) {
    Instant now = clock.instant();
    Channel cached = channels.get(route.channelId());
    if (cached != null && now.isBefore(cached.until())) {
      return Optional.of(cached.channel());
    }
    Optional<ChannelRecord> found = tenancy.inTenant(route.tenantId(), () -> channelStore.find(route.channelId()));
    if (found.isPresent()) {
      if (channels.size() >= MAX_ENTRIES) {
        channels.clear();
      }
      channels.put(route.channelId(), new Channel(found.get(), now.plus(TTL)));
    } else {
      channels.remove(route.channelId());
    }
    return found;
  }

  Optional<ChannelRoute> route(UUID channelId) {
    Instant now = clock.instant();
    Entry cached = routes.get(channelId);
    if (cached != null && now.isBefore(cached.until())) {
      return Optional.of(cached.route());
    }
    Optional<ChannelRoute> found = store.route(channelId);
    if (found.isPresent()) {
      if (routes.size() >= MAX_ENTRIES) {
        routes.clear();
      }
      routes.put(channelId, new Entry(found.get(), now.plus(TTL)));
    } else {
      routes.remove(channelId);
    }
    return found;
  }
}
