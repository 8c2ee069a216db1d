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
import java.util.function.Supplier;
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

  private final Expiring<ChannelRoute> routes = new Expiring<>();
  private final Expiring<ChannelRecord> channels = new Expiring<>();
  private final FlowRoutes store;
  private final Tenancy tenancy;
  private final ChannelStore channelStore;

  RouteCache(FlowRoutes store, Tenancy tenancy, ChannelStore channelStore) {
    this.store = store;
    this.tenancy = tenancy;
    this.channelStore = channelStore;
  }

  Optional<ChannelRoute> route(UUID channelId) {
    return routes.get(channelId, () -> store.route(channelId));
  }

  /** The routed channel as stored, read in its tenant's transaction when not known or too old. */
  Optional<ChannelRecord> channel(ChannelRoute route) {
    return channels.get(route.channelId(),
        () -> tenancy.inTenant(route.tenantId(), () -> channelStore.find(route.channelId())));
  }

  /** Values found by channel id, each kept for {@link #TTL}; what was not found is not kept. */
  private static final class Expiring<V> {
    private record Entry<V>(V value, Instant until) {}

    private final Map<UUID, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    Optional<V> get(UUID channelId, Supplier<Optional<V>> load) {
      Instant now = clock.instant();
      Entry<V> cached = entries.get(channelId);
      if (cached != null && now.isBefore(cached.until())) {
        return Optional.of(cached.value());
      }
      Optional<V> found = load.get();
      if (found.isPresent()) {
        if (entries.size() >= MAX_ENTRIES) {
          entries.clear();
        }
        entries.put(channelId, new Entry<>(found.get(), now.plus(TTL)));
      } else {
        entries.remove(channelId);
      }
      return found;
    }
  }
}
