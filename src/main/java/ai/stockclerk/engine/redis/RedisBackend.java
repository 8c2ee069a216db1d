package ai.stockclerk.engine.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.Objects;

/**
 * One Redis client and one shared connection for the engine's Redis adapters (Lettuce pipelines
 * commands from many threads over it), plus the key prefix every adapter puts in front of its keys.
 * The URI's password never appears in logs or {@link #toString()}.
 */
public final class RedisBackend implements AutoCloseable {

  public static final String DEFAULT_PREFIX = "stockclerk";

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final String prefix;
  private final String where;

  private RedisBackend(RedisClient client, String prefix, String where) {
    this.client = client;
    this.connection = client.connect();
    this.prefix = prefix;
    this.where = where;
  }

  public static RedisBackend connect(String uri, String prefix) {
    Objects.requireNonNull(uri, "uri");
    if (prefix == null || prefix.isBlank() || prefix.contains("{") || prefix.contains("}")) {
      throw new IllegalArgumentException("key prefix must be non-blank and free of braces (they mark hash tags)");
    }
    RedisURI parsed = RedisURI.create(uri);
    parsed.setTimeout(Duration.ofSeconds(5));
    return new RedisBackend(RedisClient.create(parsed), prefix, parsed.getHost() + ":" + parsed.getPort());
  }

  public RedisCommands<String, String> sync() {
    return connection.sync();
  }

  public StatefulRedisConnection<String, String> connection() {
    return connection;
  }

  /** A dedicated connection for subscriptions (a subscribed connection can do nothing else). */
  public StatefulRedisPubSubConnection<String, String> connectPubSub() {
    return client.connectPubSub();
  }

  public RedisClient client() {
    return client;
  }

  public String prefix() {
    return prefix;
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  @Override
  public String toString() {
    return "RedisBackend[" + where + ", prefix=" + prefix + "]";
  }
}
