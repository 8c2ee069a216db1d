package ai.stockclerk.agents;

import ai.stockclerk.agents.events.EventPayloads;
import ai.stockclerk.agents.events.TenantEvents;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.channels.ChannelRegistry;
import ai.stockclerk.store.ChannelRecord;
import ai.stockclerk.store.ChannelStore;
import ai.stockclerk.store.Tenancy;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks a saved channel's credentials once, in the background (the API call that saved it never
 * waits on the vendor): connected, disconnected when refused, error when the vendor is unreachable.
 */
@Component
class CredentialCheck {

  private static final Logger LOG = LoggerFactory.getLogger(CredentialCheck.class);

  private final Tenancy tenancy;
  private final ChannelStore channels;
  private final ChannelRegistry registry;
  private final ChannelConnections connections;
  private final TenantEvents events;
  private final Set<UUID> running = ConcurrentHashMap.newKeySet();
  private final ExecutorService checks = Executors.newFixedThreadPool(2, r -> {
    Thread thread = new Thread(r, "credential-check");
    thread.setDaemon(true);
    return thread;
  });

  CredentialCheck(Tenancy tenancy, ChannelStore channels, ChannelRegistry registry, ChannelConnections connections,
      TenantEvents events) {
    this.tenancy = tenancy;
    this.channels = channels;
    this.registry = registry;
    this.connections = connections;
    this.events = events;
  }

  void check(UUID tenant, UUID channelId) {
    if (running.add(channelId)) {
      checks.execute(() -> {
        try {
          run(tenant, channelId);
        } catch (RuntimeException failure) {
          LOG.warn("credential check of channel {} (tenant {}) failed", channelId, tenant, failure);
        } finally {
          running.remove(channelId);
        }
      });
    }
  }

  private void run(UUID tenant, UUID channelId) {
    Optional<ChannelRecord> channel = tenancy.inTenant(tenant, () -> channels.find(channelId));
    if (channel.isEmpty()) {
      return;
    }
    String status;
    String detail;
    try {
      var type = ChannelConnections.typeOf(channel.get());
      registry.connectorFor(type).checkCredentials(connections.of(channel.get()));
      status = "connected";
      detail = "credentials accepted";
    } catch (ChannelException refused) {
      boolean auth = refused.failure() == ChannelException.Failure.AUTHENTICATION;
      status = auth ? "disconnected" : "error";
      detail = auth ? "the vendor refused the credentials" : "the vendor could not be reached";
    }
    String finalStatus = status;
    String finalDetail = detail;
    tenancy.runInTenant(tenant, () -> channels.recordCredentialCheck(channelId, finalStatus, finalDetail));
    events.publish(tenant, TenantEvents.CHANNEL_STATUS, EventPayloads.json("channelId", channelId,
        "status", status, "detail", detail));
  }
}
