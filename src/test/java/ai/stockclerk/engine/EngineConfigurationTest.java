package ai.stockclerk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.stockclerk.engine.events.memory.InMemoryEventBus;
import ai.stockclerk.engine.events.redis.RedisEventBus;
import ai.stockclerk.engine.lease.redis.RedisLeaseManager;
import ai.stockclerk.engine.ratelimit.redis.RedisRateLimiter;
import ai.stockclerk.engine.redis.RedisBackend;
import ai.stockclerk.testing.RedisKeys;
import ai.stockclerk.testing.TestRedis;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EngineConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(EngineConfiguration.class)
      .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

  @Test
  void withoutRedisTheEngineRunsInProcessAndStartsWithTheContext() {
    runner.run(context -> {
      assertThat(context).doesNotHaveBean(RedisBackend.class);
      assertThat(context.getBean(EventBus.class)).isInstanceOf(InMemoryEventBus.class);
      Engine engine = context.getBean(Engine.class);
      assertThat(engine.isRunning()).isTrue();
      AtomicInteger runs = new AtomicInteger();
      engine.register(JobKind.SYNC, job -> runs.incrementAndGet());
      engine.enqueue(JobRequest.of("t1", JobKind.SYNC, "p"));
      await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      await().atMost(Duration.ofSeconds(10)).until(() -> meters.find("stockclerk.engine.jobs.run").timer() != null);
      assertThat(meters.get("stockclerk.engine.jobs.wait").tag("kind", "sync").timer().count()).isEqualTo(1);
      assertThat(meters.get("stockclerk.engine.pool.workers").tag("kind", "sync").gauge().value()).isGreaterThanOrEqualTo(1);
    });
  }

  @Test
  void blankRedisUrlMeansInProcess() {
    runner.withPropertyValues("stockclerk.redis.url= ").run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(RedisBackend.class);
      assertThat(context.getBean(EventBus.class)).isInstanceOf(InMemoryEventBus.class);
    });
  }

  @Test
  void propertiesSetIsolationPoolsAndLimits() {
    runner.withPropertyValues("stockclerk.engine.isolation=shared", "stockclerk.engine.per-tenant-tenants=vip",
        "stockclerk.engine.default-limits.max-depth=1", "stockclerk.engine.kinds.sync.max-workers=3",
        "stockclerk.engine.kinds.sync.min-workers=3").run(context -> {
          Engine engine = context.getBean(Engine.class);
          assertThat(engine.modeOf("anyone")).isEqualTo(IsolationMode.SHARED);
          assertThat(engine.modeOf("vip")).isEqualTo(IsolationMode.PER_TENANT);
          EngineProperties properties = context.getBean(EngineProperties.class);
          assertThat(properties.kindSettings(JobKind.WEBHOOK).maxWorkers()).isEqualTo(10);
          assertThat(properties.kindSettings(JobKind.SYNC).maxWorkers()).isEqualTo(3);
          engine.pause("vip");
          engine.enqueue(JobRequest.of("vip", JobKind.SYNC, "1"));
          org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.enqueue(JobRequest.of("vip", JobKind.SYNC, "2")))
              .isInstanceOf(QueueFullException.class);
        });
  }

  @Test
  void withARedisUrlEveryPortUsesRedis() {
    String prefix = TestRedis.uniquePrefix("config");
    runner.withPropertyValues("stockclerk.redis.url=" + TestRedis.uri(), "stockclerk.engine.key-prefix=" + prefix)
        .run(context -> {
          assertThat(context.getBean(EventBus.class)).isInstanceOf(RedisEventBus.class);
          assertThat(context.getBean(LeaseManager.class)).isInstanceOf(RedisLeaseManager.class);
          assertThat(context.getBean(RateLimiter.class)).isInstanceOf(RedisRateLimiter.class);
          assertThat(context.getBean(RedisBackend.class).toString()).doesNotContain("password");
          Engine engine = context.getBean(Engine.class);
          AtomicInteger runs = new AtomicInteger();
          engine.register(JobKind.ALERT, job -> runs.incrementAndGet());
          engine.enqueue(JobRequest.of("t1", JobKind.ALERT, "p"));
          await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);
        });
    RedisKeys.deleteAll(prefix);
  }
}
