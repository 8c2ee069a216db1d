package ai.stockclerk.agents.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.stockclerk.store.AlertRecord;
import ai.stockclerk.store.PageRequest;
import ai.stockclerk.testing.TestApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public face Guardian and the rules use: one open alert per subject, its states, and its events. */
class AlertsTest extends AlertServiceTest {

  private Alerts alerts;
  private UUID tenant;

  @BeforeEach
  void setUp() {
    alerts = parts("node-a").alerts();
    tenant = api().register("Alerts Shop").tenantId();
  }

  @Test
  void aRepeatCountsAnOccurrenceOfTheOpenAlertInsteadOfOpeningAnother() {
    RaisedAlert first = alerts.raise(tenant, AlertType.DRIFT, "item:1", AlertSeverity.LOW, "drift of 3",
        Map.of("expected", 10, "actual", 7));
    clock.advance(Duration.ofMinutes(15));
    RaisedAlert second = alerts.raise(tenant, AlertType.DRIFT, "item:1", AlertSeverity.HIGH, "drift of 12",
        Map.of("expected", 10, "actual", -2));

    assertThat(first.opened()).isTrue();
    assertThat(second.opened()).isFalse();
    AlertRecord alert = second.alert();
    assertThat(alert.id()).isEqualTo(first.alert().id());
    assertThat(alert.occurrences()).isEqualTo(2);
    assertThat(alert.lastSeen()).isEqualTo(first.alert().firstSeen().plus(Duration.ofMinutes(15)));
    assertThat(alert.firstSeen()).isEqualTo(first.alert().firstSeen());
    assertThat(alert.severity()).isEqualTo("high");
    assertThat(alert.message()).isEqualTo("drift of 12");
    assertThat(AlertJson.readMap(alert.metadataJson())).containsEntry("actual", -2);
    assertThat(bus.of(tenant, AlertTopics.ALERT_RAISED)).hasSize(1);
    assertThat(bus.of(tenant, AlertTopics.ALERT_RAISED).get(0).payload())
        .containsEntry("alertId", alert.id().toString()).containsEntry("type", "drift")
        .containsEntry("subject", "item:1").containsEntry("severity", "low");
  }

  @Test
  void aDifferentSubjectOrTypeIsADifferentAlert() {
    UUID a = alerts.raise(tenant, AlertType.DRIFT, "item:1", AlertSeverity.LOW, "m", Map.of()).alert().id();
    UUID b = alerts.raise(tenant, AlertType.DRIFT, "item:2", AlertSeverity.LOW, "m", Map.of()).alert().id();
    UUID c = alerts.raise(tenant, AlertType.SYSTEM, "item:1", AlertSeverity.LOW, "m", Map.of()).alert().id();
    UUID other = api().register("Other Shop").tenantId();
    UUID d = alerts.raise(other, AlertType.DRIFT, "item:1", AlertSeverity.LOW, "m", Map.of()).alert().id();

    assertThat(Set.of(a, b, c, d)).hasSize(4);
    assertThat(alerts.list(tenant, null, null, new PageRequest(0, 50)).total()).isEqualTo(3);
  }

  @Test
  void statesGoOpenThenReadThenResolvedAndAResolvedSubjectOpensANewAlertLater() {
    AlertRecord opened = alerts.raise(tenant, AlertType.SYSTEM, "disk", AlertSeverity.MEDIUM, "m", Map.of()).alert();
    assertThat(opened.status()).isEqualTo("open");
    assertThat(alerts.markRead(tenant, opened.id()).status()).isEqualTo("read");
    assertThat(alerts.raise(tenant, AlertType.SYSTEM, "disk", AlertSeverity.MEDIUM, "m", Map.of()).alert())
        .as("a repeat of a read alert is still the same alert").extracting(AlertRecord::id, AlertRecord::occurrences)
        .containsExactly(opened.id(), 2);
    clock.advance(Duration.ofMinutes(1));
    AlertRecord resolved = alerts.resolve(tenant, opened.id());
    assertThat(resolved.status()).isEqualTo("resolved");
    assertThat(resolved.resolvedAt()).isEqualTo(clock.instant());
    assertThat(alerts.markRead(tenant, opened.id()).status()).as("reading a resolved alert keeps it resolved")
        .isEqualTo("resolved");
    assertThat(alerts.resolve(tenant, opened.id()).resolvedAt()).as("resolving twice keeps the first time")
        .isEqualTo(resolved.resolvedAt());

    RaisedAlert again = alerts.raise(tenant, AlertType.SYSTEM, "disk", AlertSeverity.MEDIUM, "m", Map.of());
    assertThat(again.opened()).isTrue();
    assertThat(again.alert().id()).isNotEqualTo(opened.id());
    assertThat(again.alert().occurrences()).isEqualTo(1);
    assertThat(bus.of(tenant, AlertTopics.ALERT_RESOLVED)).hasSize(1);
  }

  @Test
  void resolveBySubjectResolvesOnlyTheOpenAlertOfThatSubject() {
    alerts.raise(tenant, AlertType.DRIFT, "item:1", AlertSeverity.LOW, "m", Map.of());
    UUID kept = alerts.raise(tenant, AlertType.DRIFT, "item:2", AlertSeverity.LOW, "m", Map.of()).alert().id();

    assertThat(alerts.resolve(tenant, AlertType.DRIFT, "item:1")).isTrue();
    assertThat(alerts.resolve(tenant, AlertType.DRIFT, "item:1")).as("nothing left to resolve").isFalse();
    assertThat(alerts.get(tenant, kept).status()).isEqualTo("open");
    assertThat(alerts.list(tenant, AlertStatus.RESOLVED, AlertType.DRIFT, new PageRequest(0, 10)).items())
        .extracting(AlertRecord::subject).containsExactly("item:1");
  }

  @Test
  void concurrentRaisesOfOneSubjectMakeOneAlertThatCountsEveryRaise() throws Exception {
    int threads = 12;
    int perThread = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CyclicBarrier start = new CyclicBarrier(threads);
    Set<UUID> ids = ConcurrentHashMap.newKeySet();
    List<Callable<Integer>> work = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      work.add(() -> {
        start.await();
        int opened = 0;
        for (int i = 0; i < perThread; i++) {
          RaisedAlert raised = alerts.raise(tenant, AlertType.SYNC_ERROR, "channel:hot", AlertSeverity.MEDIUM,
              "push gave up", Map.of("attempt", i));
          ids.add(raised.alert().id());
          opened += raised.opened() ? 1 : 0;
        }
        return opened;
      });
    }
    int opened = 0;
    try {
      for (Future<Integer> f : pool.invokeAll(work)) {
        opened += f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(opened).isEqualTo(1);
    assertThat(ids).hasSize(1);
    assertThat(alerts.get(tenant, ids.iterator().next()).occurrences()).isEqualTo(threads * perThread);
    assertThat(bus.of(tenant, AlertTopics.ALERT_RAISED)).hasSize(1);
  }

  @Test
  void badInputIsATypedErrorAndLeavesNothingBehind() {
    assertThatThrownBy(() -> alerts.raise(tenant, AlertType.DRIFT, " ", AlertSeverity.LOW, "m", Map.of()))
        .isInstanceOf(AlertInputException.class);
    assertThatThrownBy(() -> alerts.raise(tenant, AlertType.DRIFT, "x".repeat(201), AlertSeverity.LOW, "m", Map.of()))
        .isInstanceOf(AlertInputException.class);
    assertThatThrownBy(() -> alerts.raise(tenant, AlertType.DRIFT, "a\nb", AlertSeverity.LOW, "m", Map.of()))
        .isInstanceOf(AlertInputException.class);
    assertThatThrownBy(() -> alerts.raise(tenant, null, "s", AlertSeverity.LOW, "m", Map.of()))
        .isInstanceOf(AlertInputException.class);
    assertThatThrownBy(() -> alerts.raise(tenant, AlertType.DRIFT, "s", AlertSeverity.LOW, "", Map.of()))
        .isInstanceOf(AlertInputException.class);
    assertThatThrownBy(() -> alerts.raise(tenant, AlertType.DRIFT, "s", AlertSeverity.LOW, "m",
        Map.of("big", "x".repeat(Alerts.MAX_METADATA_CHARS)))).isInstanceOf(AlertInputException.class);

    assertThat(alerts.list(tenant, null, null, new PageRequest(0, 10)).total()).isZero();
  }

  @Test
  void anotherTenantsAlertIsNotFound() {
    TestApi.Tenant other = api().register("Nosy Shop");
    UUID id = alerts.raise(tenant, AlertType.SYSTEM, "s", AlertSeverity.LOW, "m", Map.of()).alert().id();

    assertThatThrownBy(() -> alerts.get(other.tenantId(), id)).isInstanceOf(ai.stockclerk.store.NotFoundException.class);
    assertThatThrownBy(() -> alerts.resolve(other.tenantId(), id))
        .isInstanceOf(ai.stockclerk.store.NotFoundException.class);
    assertThat(alerts.get(tenant, id).status()).isEqualTo("open");
  }
}
