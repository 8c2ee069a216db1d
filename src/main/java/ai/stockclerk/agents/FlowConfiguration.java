package ai.stockclerk.agents;

import ai.stockclerk.agents.sync.SyncAgent;
import ai.stockclerk.agents.watcher.WatcherAgent;
import ai.stockclerk.engine.Engine;
import ai.stockclerk.engine.JobKind;
import ai.stockclerk.engine.KindSettings;
import ai.stockclerk.engine.RetryPolicy;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the flow into the job engine: webhook jobs go to the Watcher, sync jobs to the Sync agent. */
@Configuration(proxyBeanMethods = false)
class FlowConfiguration {

  static final RetryPolicy WEBHOOK_RETRY = new RetryPolicy(8, Duration.ofMillis(200), Duration.ofSeconds(30));
  static final RetryPolicy SYNC_RETRY = new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(60));

  /** The handlers registered on the engine (a marker bean, so registration happens once, at start-up). */
  record FlowHandlers(WatcherAgent watcher, SyncAgent sync) {}

  @Bean
  FlowHandlers flowHandlers(Engine engine, WatcherAgent watcher, SyncAgent sync, FlowProperties properties) {
    KindSettings webhook = KindSettings.DEFAULT.withRetry(WEBHOOK_RETRY).workers(1, properties.webhookWorkers());
    KindSettings syncing = KindSettings.DEFAULT.withRetry(SYNC_RETRY).workers(1, properties.syncWorkers());
    sync.maxAttempts(SYNC_RETRY.maxAttempts());
    engine.register(JobKind.WEBHOOK, webhook, watcher);
    engine.register(JobKind.SYNC, syncing, sync);
    return new FlowHandlers(watcher, sync);
  }
}
