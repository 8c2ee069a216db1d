package ai.stockclerk.agents;

import ai.stockclerk.store.ChannelRecord;
import ai.stockclerk.store.ChannelStore;
import ai.stockclerk.store.Tenancy;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Channels as stored, each kept for {@link #TTL}, for the hot path of a sale: the webhook request,
 * the Watcher's batch and the Sync agent's push each need the channel's type, settings and
 * credentials, which change rarely. New settings, credentials or a new webhook secret therefore
 * apply within {@link #TTL}; whether a channel is served at all (active, not disconnected) is read
 * fresh by the Sync agent with the items it pushes. Only found channels are kept, so random ids
 * cannot fill the cache.
 */
@Component
public class RecentChannels {

  public static final Duration TTL = Duration.ofSeconds(5);
  /** Most channels kept; a node serving more re-reads the least used. */
  public static final int MAX_ENTRIES = 100_000;

  private final Cache<UUID, ChannelRecord> channels = Caffeine.newBuilder()
      .expireAfterWrite(TTL)
      .maximumSize(MAX_ENTRIES)
      .build();
  private final Tenancy tenancy;
  private final ChannelStore store;

  RecentChannels(Tenancy tenancy, ChannelStore store) {
    this.tenancy = tenancy;
    this.store = store;
  }

  /** The tenant's channel, read in the tenant's transaction (joining the caller's) when not known or too old. */
  public Optional<ChannelRecord> find(UUID tenantId, UUID channelId) {
    ChannelRecord cached = channels.getIfPresent(channelId);
    if (cached != null && cached.tenantId().equals(tenantId)) {
      return Optional.of(cached);
    }
    Optional<ChannelRecord> found = tenancy.inTenant(tenantId, () -> store.find(channelId));
    found.ifPresentOrElse(channel -> channels.put(channelId, channel), () -> channels.invalidate(channelId));
    return found;
  }
}
