package ai.stockclerk.agents.alert;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A one-node event bus. Listeners run on one background thread, not the publisher's: a
 * publisher inside its own transaction is neither slowed nor rolled back by a listener. When the
 * backlog is full the event is dropped and counted; the periodic checks catch up on what it said.
 */
final class InProcessTenantEventBus implements TenantEventBus, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InProcessTenantEventBus.class);
  static final int BACKLOG = 10_000;

  private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor dispatcher;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  InProcessTenantEventBus() {
    dispatcher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(BACKLOG), r -> {
      Thread thread = new Thread(r, "tenant-events");
      thread.setDaemon(true);
      return thread;
    }, (task, executor) -> dropped.incrementAndGet());
  }

  @Override
  public void publish(UUID tenantId, String topic, Map<String, Object> payload) {
    List<Listener> targets = listeners.getOrDefault(topic, List.of());
    if (targets.isEmpty() || dispatcher.isShutdown()) {
      return;
    }
    // Values may be null (an event without a source channel), which Map.copyOf refuses.
    Map<String, Object> copy = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(payload));
    dispatcher.execute(() -> targets.forEach(listener -> deliver(listener, tenantId, topic, copy)));
  }

  @Override
  public void subscribe(String topic, Listener listener) {
    listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
  }

  /** Whether anything listens to {@code topic}: events of other topics need not even be read. */
  boolean listensTo(String topic) {
    return !listeners.getOrDefault(topic, List.of()).isEmpty();
  }

  long droppedEvents() {
    return dropped.get();
  }

  long failedDeliveries() {
    return failed.get();
  }

  private void deliver(Listener listener, UUID tenantId, String topic, Map<String, Object> payload) {
    MDC.put("tenant", tenantId.toString());
    try {
      listener.on(tenantId, payload);
    } catch (RuntimeException e) {
      failed.incrementAndGet();
      LOG.warn("listener for {} of tenant {} failed; the event is skipped", topic, tenantId, e);
    } finally {
      MDC.remove("tenant");
    }
  }

  @Override
  public void close() {
    dispatcher.shutdown();
  }
}
