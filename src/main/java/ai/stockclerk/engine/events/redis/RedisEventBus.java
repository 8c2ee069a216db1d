package ai.stockclerk.engine.events.redis;

import ai.stockclerk.engine.EventBus;
import ai.stockclerk.engine.Listeners;
import ai.stockclerk.engine.TenantEvent;
import ai.stockclerk.engine.redis.RedisBackend;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cluster-mode event bus: one Redis pub/sub channel per deployment (key prefix), one
 * subscribed connection per node, fanned out to the node's local listeners.
 */
public final class RedisEventBus implements EventBus {

  private static final Logger LOG = LoggerFactory.getLogger(RedisEventBus.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final RedisBackend backend;
  private final String channel;
  private final Listeners listeners = new Listeners();
  private final StatefulRedisPubSubConnection<String, String> subscription;

  public RedisEventBus(RedisBackend backend) {
    this.backend = backend;
    this.channel = backend.prefix() + ":events";
    this.subscription = backend.connectPubSub();
    subscription.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String from, String message) {
        receive(message);
      }
    });
    // Blocks until Redis confirms, so nothing published after construction is missed.
    subscription.sync().subscribe(channel);
  }

  @Override
  public void publish(TenantEvent event) {
    backend.sync().publish(channel, JSON.writeValueAsString(Map.of("t", event.tenant(), "y", event.type(), "p", event.payload())));
  }

  @Override
  public Subscription subscribe(Consumer<TenantEvent> listener) {
    return listeners.add(listener);
  }

  @Override
  public void close() {
    subscription.close();
  }

  private void receive(String message) {
    TenantEvent event;
    try {
      Map<?, ?> fields = JSON.readValue(message, Map.class);
      event = new TenantEvent((String) fields.get("t"), (String) fields.get("y"), (String) fields.get("p"));
    } catch (RuntimeException malformed) {
      LOG.warn("ignored a malformed message on {}", channel);
      return;
    }
    listeners.deliver(event);
  }
}
