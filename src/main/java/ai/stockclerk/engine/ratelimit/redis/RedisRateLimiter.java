package ai.stockclerk.engine.ratelimit.redis;

import ai.stockclerk.engine.RateLimit;
import ai.stockclerk.engine.RateLimiter;
import ai.stockclerk.engine.ratelimit.memory.InMemoryRateLimiter.ClockTimeMeter;
import ai.stockclerk.engine.redis.RedisBackend;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Clock;
import java.time.Duration;

/**
 * Bucket4j buckets stored in Redis (compare-and-swap), shared by every node; one key per bucket
 * under {@code {rl:<key>}}. Idle buckets expire once they would be full again.
 */
public final class RedisRateLimiter implements RateLimiter {

  private final Limits limits;
  private final String prefix;
  private final StatefulRedisConnection<String, byte[]> connection;
  private final LettuceBasedProxyManager<String> buckets;

  public RedisRateLimiter(RedisBackend backend, Clock clock, Limits limits) {
    this.limits = limits;
    this.prefix = backend.prefix();
    this.connection = backend.client().connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
        .clientClock(new ClockTimeMeter(clock))
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
        .build();
  }

  @Override
  public Acquisition tryAcquire(String key, long permits) {
    return tryAcquire(key, limits.limitFor(key), permits);
  }

  @Override
  public Acquisition tryAcquire(String key, RateLimit limit, long permits) {
    ConsumptionProbe probe = buckets.builder()
        .build(prefix + ":{rl:" + key + "}", () -> BucketConfiguration.builder()
            .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
            .build())
        .tryConsumeAndReturnRemaining(permits);
    return new Acquisition(probe.isConsumed(), Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  @Override
  public void close() {
    connection.close();
  }
}
