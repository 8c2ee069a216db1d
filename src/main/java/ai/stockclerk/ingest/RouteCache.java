package ai.stockclerk.ingest;

import ai.stockclerk.store.FlowRoutes;
import ai.stockclerk.store.FlowRoutes.ChannelRoute;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Remembers where a channel's webhooks go for a few seconds, saving a connection checkout per
 * webhook. Only found routes are kept (random ids cannot fill it); a channel deactivated or
 * removed stops taking webhooks within {@link #TTL}, and its rows would be ignored anyway.
 */
@Component
class RouteCache {

  static final Duration TTL = Duration.ofSeconds(5);
  static final int MAX_ENTRIES = 100_000;

  private record Entry(ChannelRoute route, Instant until) {}

  private final Map<UUID, Entry> routes = new ConcurrentHashMap<>();
  private final FlowRoutes store;
  private final Clock clock = Clock.systemUTC();

  RouteCache(FlowRoutes store) {
    this.store = store;
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
