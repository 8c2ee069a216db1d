package ai.stockclerk.agents.alert;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A synchronous bus that also remembers what was published, for assertions. */
final class RecordingEventBus implements TenantEventBus {

  record Published(UUID tenantId, String topic, Map<String, Object> payload) {}

  final List<Published> published = new CopyOnWriteArrayList<>();
  private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();

  @Override
  public void publish(UUID tenantId, String topic, Map<String, Object> payload) {
    published.add(new Published(tenantId, topic, payload));
    listeners.getOrDefault(topic, List.of()).forEach(l -> l.on(tenantId, payload));
  }

  @Override
  public void subscribe(String topic, Listener listener) {
    listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
  }

  List<Published> of(UUID tenantId, String topic) {
    return published.stream().filter(p -> p.tenantId().equals(tenantId) && p.topic().equals(topic)).toList();
  }
}
