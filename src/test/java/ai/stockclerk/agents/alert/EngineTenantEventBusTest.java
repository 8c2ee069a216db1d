package ai.stockclerk.agents.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.stockclerk.channels.support.LogCapture;
import ai.stockclerk.engine.TenantEvent;
import ai.stockclerk.engine.events.memory.InMemoryEventBus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The Alert agent's view of the engine bus: its topics arrive as maps, other topics are not read. */
class EngineTenantEventBusTest {

  @Test
  void deliversTheTopicsListenedToAndDoesNotReadTheOthers() {
    InMemoryEventBus engineBus = new InMemoryEventBus();
    List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
    UUID tenant = UUID.randomUUID();
    try (EngineTenantEventBus bus = new EngineTenantEventBus(engineBus);
        LogCapture logs = new LogCapture(EngineTenantEventBus.class.getName())) {
      bus.subscribe(AlertTopics.SYNC_FAILED, (id, payload) -> received.add(payload));

      // Not JSON at all: read, it would be refused with a warning; unread, nothing is said.
      engineBus.publish(new TenantEvent(tenant.toString(), "sync.completed", "not json"));
      engineBus.publish(new TenantEvent(tenant.toString(), AlertTopics.SYNC_FAILED, "{\"message\":\"HTTP 503\"}"));
      engineBus.publish(new TenantEvent("not-a-tenant", AlertTopics.SYNC_FAILED, "{}"));

      await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());
      assertThat(received).containsExactly(Map.of("message", "HTTP 503"));
      assertThat(logs.text()).doesNotContain("sync.completed").contains(AlertTopics.SYNC_FAILED);
    }
  }
}
