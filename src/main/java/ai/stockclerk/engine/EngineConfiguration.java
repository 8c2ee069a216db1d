package ai.stockclerk.engine;

import ai.stockclerk.engine.events.memory.InMemoryEventBus;
import ai.stockclerk.engine.events.redis.RedisEventBus;
import ai.stockclerk.engine.lease.memory.InMemoryLeaseManager;
import ai.stockclerk.engine.lease.redis.RedisLeaseManager;
import ai.stockclerk.engine.queue.memory.InMemoryJobQueue;
import ai.stockclerk.engine.queue.redis.RedisJobQueue;
import ai.stockclerk.engine.ratelimit.memory.InMemoryRateLimiter;
import ai.stockclerk.engine.ratelimit.redis.RedisRateLimiter;
import ai.stockclerk.engine.redis.RedisBackend;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Wires the engine and its ports: in-process adapters by default, Redis adapters when
 * {@code stockclerk.redis.url} is set. Other capabilities register handlers on the {@link Engine}
 * bean; it starts and stops (gracefully) with the context.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EngineProperties.class)
public class EngineConfiguration {

  /** A rate limit for keys nobody configured: generous, so a missing setting never stalls a channel. */
  static final RateLimit DEFAULT_RATE_LIMIT = new RateLimit(10, Duration.ofSeconds(1));

  @Bean(destroyMethod = "close")
  @Conditional(RedisUrlConfigured.class)
  RedisBackend engineRedisBackend(org.springframework.core.env.Environment environment, EngineProperties properties) {
    return RedisBackend.connect(environment.getRequiredProperty("stockclerk.redis.url"), properties.keyPrefix());
  }

  @Bean(destroyMethod = "close")
  Engine engine(EngineProperties properties, ObjectProvider<RedisBackend> redis, ObjectProvider<MeterRegistry> meters,
      ObjectProvider<LimitsPolicy> limits, ObjectProvider<Clock> clock) {
    TenantLimits defaults = properties.defaultLimits().toTenantLimits();
    EngineBuilder builder = Engine.builder()
        .clock(clock.getIfAvailable(Clock::systemUTC))
        .rollout(properties.rollout())
        .limits(limits.getIfAvailable(() -> (lane, kind) -> defaults))
        .sweepInterval(properties.sweepInterval())
        .shutdownDeadline(properties.shutdownDeadline())
        .topTenants(properties.topTenants());
    if (properties.nodeName() != null) {
      builder.nodeName(properties.nodeName());
    }
    meters.ifAvailable(builder::meterRegistry);
    for (JobKind kind : List.of(JobKind.WEBHOOK, JobKind.SYNC, JobKind.ALERT, JobKind.GUARDIAN)) {
      builder.kindSettings(kind, properties.kindSettings(kind));
    }
    properties.kinds().keySet().forEach(name -> builder.kindSettings(new JobKind(name), properties.kindSettings(new JobKind(name))));
    RedisBackend backend = redis.getIfAvailable();
    int quantum = properties.quantum();
    builder.queue(backend == null
        ? (c, router, caps) -> new InMemoryJobQueue(c, router, caps, quantum)
        : (c, router, caps) -> new RedisJobQueue(backend, false, c, router, caps, quantum));
    return builder.build();
  }

  @Bean
  SmartLifecycle engineLifecycle(Engine engine) {
    return new EngineLifecycle(engine);
  }

  @Bean(destroyMethod = "close")
  EventBus eventBus(ObjectProvider<RedisBackend> redis) {
    RedisBackend backend = redis.getIfAvailable();
    return backend == null ? new InMemoryEventBus() : new RedisEventBus(backend);
  }

  @Bean(destroyMethod = "close")
  LeaseManager leaseManager(ObjectProvider<RedisBackend> redis, ObjectProvider<Clock> clock) {
    RedisBackend backend = redis.getIfAvailable();
    Clock time = clock.getIfAvailable(Clock::systemUTC);
    return backend == null ? new InMemoryLeaseManager(time) : new RedisLeaseManager(backend, time);
  }

  @Bean(destroyMethod = "close")
  RateLimiter rateLimiter(ObjectProvider<RedisBackend> redis, ObjectProvider<Clock> clock,
      ObjectProvider<RateLimiter.Limits> limits) {
    RedisBackend backend = redis.getIfAvailable();
    Clock time = clock.getIfAvailable(Clock::systemUTC);
    RateLimiter.Limits byKey = limits.getIfAvailable(() -> key -> DEFAULT_RATE_LIMIT);
    return backend == null ? new InMemoryRateLimiter(time, byKey) : new RedisRateLimiter(backend, time, byKey);
  }

  /** A set but blank STOCKCLERK_REDIS_URL (common in container env files) means "no Redis". */
  static final class RedisUrlConfigured implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      String url = context.getEnvironment().getProperty("stockclerk.redis.url");
      return url != null && !url.isBlank();
    }
  }

  /** Starts the engine with the context and stops it first on shutdown, before what its handlers use. */
  static final class EngineLifecycle implements SmartLifecycle {
    private final Engine engine;

    EngineLifecycle(Engine engine) {
      this.engine = engine;
    }

    @Override
    public void start() {
      engine.start();
    }

    @Override
    public void stop() {
      engine.close();
    }

    @Override
    public boolean isRunning() {
      return engine.isRunning();
    }
  }
}
