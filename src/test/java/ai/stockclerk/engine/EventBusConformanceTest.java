package ai.stockclerk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every {@link EventBus} adapter must do; subclasses only build a node's bus. */
public abstract class EventBusConformanceTest {

  private final List<EventBus> opened = new ArrayList<>();

  /** Another node's bus on this test's backend. */
  protected abstract EventBus openNode();

  protected void cleanUp() {}

  @AfterEach
  void closeBuses() {
    opened.forEach(EventBus::close);
    cleanUp();
  }

  private EventBus node() {
    EventBus bus = openNode();
    opened.add(bus);
    return bus;
  }

  @Test
  void everyNodeSeesEveryEvent() {
    List<EventBus> nodes = List.of(node(), node(), node());
    List<List<TenantEvent>> received = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
    for (int i = 0; i < 3; i++) {
      nodes.get(i).subscribe(received.get(i)::add);
    }
    TenantEvent event = new TenantEvent("t1", "stock.updated", "{\"sku\":\"A\",\"level\":4}");
    nodes.get(1).publish(event);
    await().atMost(Duration.ofSeconds(5)).until(() -> received.stream().allMatch(list -> list.size() == 1));
    assertThat(received).allSatisfy(list -> assertThat(list).containsExactly(event));
  }

  @Test
  void tenantSubscriptionSeesOnlyThatTenant() {
    EventBus bus = node();
    List<TenantEvent> mine = new CopyOnWriteArrayList<>();
    List<TenantEvent> all = new CopyOnWriteArrayList<>();
    bus.subscribe("t1", mine::add);
    bus.subscribe(all::add);
    bus.publish(new TenantEvent("t2", "alert.raised", "x"));
    bus.publish(new TenantEvent("t1", "alert.raised", "y"));
    await().atMost(Duration.ofSeconds(5)).until(() -> all.size() == 2);
    assertThat(mine).extracting(TenantEvent::payload).containsExactly("y");
  }

  @Test
  void failingListenerDoesNotStopOthersAndClosedSubscriptionStops() {
    EventBus bus = node();
    List<TenantEvent> kept = new CopyOnWriteArrayList<>();
    List<TenantEvent> dropped = new CopyOnWriteArrayList<>();
    bus.subscribe(event -> {
      throw new IllegalStateException("listener bug");
    });
    bus.subscribe(kept::add);
    EventBus.Subscription subscription = bus.subscribe(dropped::add);
    bus.publish(new TenantEvent("t1", "a", "1"));
    await().atMost(Duration.ofSeconds(5)).until(() -> kept.size() == 1 && dropped.size() == 1);
    subscription.close();
    bus.publish(new TenantEvent("t1", "a", "2"));
    await().atMost(Duration.ofSeconds(5)).until(() -> kept.size() == 2);
    assertThat(dropped).hasSize(1);
  }
}
