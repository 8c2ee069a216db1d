package ai.stockclerk.agents;

import ai.stockclerk.agents.sync.SyncAgent;
import ai.stockclerk.agents.watcher.WatcherAgent;
import ai.stockclerk.engine.Engine;
import ai.stockclerk.engine.JobKind;
import ai.stockclerk.engine.KindSettings;
import ai.stockclerk.engine.RetryPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the flow into the job engine: webhook jobs go to the Watcher, sync jobs to the Sync agent.
 * The engine bean here is the in-process one, used until the engine's own Spring wiring exists.
 */
@Configuration(proxyBeanMethods = false)
class FlowConfiguration {

  static final RetryPolicy WEBHOOK_RETRY = new RetryPolicy(8, Duration.ofMillis(200), Duration.ofSeconds(30));
  static final RetryPolicy SYNC_RETRY = new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(60));

  static final Duration SHUTDOWN_DEADLINE = Duration.ofSeconds(5);

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(Engine.class)
  Engine engine(ObjectProvider<MeterRegistry> meters) {
    var builder = Engine.builder().nodeName("flow").shutdownDeadline(SHUTDOWN_DEADLINE);
    meters.ifAvailable(builder::meterRegistry);
    return builder.build();
  }

  @Bean
  FlowAgents flowAgents(Engine engine, WatcherAgent watcher, SyncAgent sync, FlowProperties properties) {
    KindSettings webhook = KindSettings.DEFAULT.withRetry(WEBHOOK_RETRY).workers(1, properties.webhookWorkers());
    KindSettings syncing = KindSettings.DEFAULT.withRetry(SYNC_RETRY).workers(1, properties.syncWorkers());
    sync.maxAttempts(SYNC_RETRY.maxAttempts());
    return new FlowAgents(engine, () -> {
      engine.register(JobKind.WEBHOOK, webhook, watcher);
      engine.register(JobKind.SYNC, syncing, sync);
    });
  }
}
