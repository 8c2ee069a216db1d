package ai.stockclerk.ingest;

import ai.stockclerk.agents.RecentChannels;
import ai.stockclerk.store.ChannelRecord;
import ai.stockclerk.store.FlowRoutes;
import ai.stockclerk.store.FlowRoutes.ChannelRoute;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Remembers where a channel's webhooks go, and the channel itself, for a few seconds
 * ({@link RecentChannels#TTL}), saving two queries and a connection checkout per webhook. Only
 * found routes are kept (random ids cannot fill it); a channel deactivated or removed stops taking
 * webhooks within that time (its rows would be ignored anyway), and new settings or a new webhook
 * secret apply within the same.
 */
@Component
class RouteCache {

  private final Cache<UUID, ChannelRoute> routes = Caffeine.newBuilder()
      .expireAfterWrite(RecentChannels.TTL)
      .maximumSize(RecentChannels.MAX_ENTRIES)
      .build();
  private final FlowRoutes store;
  private final RecentChannels channels;

  RouteCache(FlowRoutes store, RecentChannels channels) {
    this.store = store;
    this.channels = channels;
  }

  Optional<ChannelRoute> route(UUID channelId) {
    ChannelRoute cached = routes.getIfPresent(channelId);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<ChannelRoute> found = store.route(channelId);
    found.ifPresent(route -> routes.put(channelId, route));
    return found;
  }

  /** The routed channel as stored, read in its tenant's transaction when not known or too old. */
  Optional<ChannelRecord> channel(ChannelRoute route) {
    return channels.find(route.tenantId(), route.channelId());
  }
}
