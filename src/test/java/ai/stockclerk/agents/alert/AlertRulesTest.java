package ai.stockclerk.agents.alert;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.agents.alert.AlertConfiguration.AlertParts;
import ai.stockclerk.store.AlertRecord;
import ai.stockclerk.store.PageRequest;
import ai.stockclerk.testing.TestApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each rule raised, de-duplicated and resolved, driven through the event topics the other agents publish. */
class AlertRulesTest extends AlertServiceTest {

  private AlertParts parts;
  private AlertSubscriptions subscriptions;
  private TestApi api;
  private TestApi.Tenant tenant;

  @BeforeEach
  void setUp() {
    parts = parts("node-a");
    subscriptions = parts.subscriptions();
    api = api();
    tenant = api.register("Rules Shop");
  }

  @Test
  void lowStockIsRaisedWhenStockCrossesTheThresholdAndResolvedWhenItRisesAbove() {
    UUID product = api.product(tenant, "BREAD", 10, 2); // threshold: buffer 2 + 5 = 7

    changeStock(product, -2);
    assertThat(open(AlertType.LOW_STOCK)).as("8 is above 7").isEmpty();

    changeStock(product, -1);
    AlertRecord alert = single(AlertType.LOW_STOCK);
    assertThat(alert.subject()).isEqualTo("product:" + product);
    assertThat(alert.severity()).isEqualTo("low");
    assertThat(AlertJson.readMap(alert.metadataJson())).containsEntry("stock", 7).containsEntry("threshold", 7)
        .containsEntry("sku", "BREAD");

    changeStock(product, -7);
    AlertRecord worse = single(AlertType.LOW_STOCK);
    assertThat(worse.id()).isEqualTo(alert.id());
    assertThat(worse.occurrences()).isEqualTo(2);
    assertThat(worse.severity()).as("out of stock").isEqualTo("high");
    assertThat(worse.message()).contains("out of stock");

    changeStock(product, 20);
    assertThat(open(AlertType.LOW_STOCK)).isEmpty();
    assertThat(alertStore(a -> a.find(alert.id())).orElseThrow().status()).isEqualTo("resolved");
  }

  @Test
  void eventsCarryingTheThresholdRaiseAndResolveAsTheDatabaseWould() {
    UUID product = api.product(tenant, "ROLL", 10, 2); // threshold 7

    changeStockAsTheWatcherSays(product, -1, 9, 7);
    assertThat(open(AlertType.LOW_STOCK)).as("well above the threshold, nothing open").isEmpty();

    changeStockAsTheWatcherSays(product, -4, 5, 7);
    AlertRecord alert = single(AlertType.LOW_STOCK);

    changeStockAsTheWatcherSays(product, 1, 6, 7);
    assertThat(single(AlertType.LOW_STOCK).occurrences()).isEqualTo(2);

    changeStockAsTheWatcherSays(product, 10, 16, 7);
    assertThat(open(AlertType.LOW_STOCK)).as("an open alert is resolved when stock rises above").isEmpty();
    assertThat(alertStore(a -> a.find(alert.id())).orElseThrow().status()).isEqualTo("resolved");

    changeStockAsTheWatcherSays(product, -12, 4, 7);
    assertThat(single(AlertType.LOW_STOCK).id()).as("raised again after it was resolved").isNotEqualTo(alert.id());
  }

  @Test
  void anExplicitThresholdWinsOverBufferPlusFive() {
    UUID product = api.product(tenant, "CAKE", 30, 0);
    api.send(org.springframework.http.HttpMethod.PATCH, "/api/v1/products/" + product, tenant.token(),
        Map.of("lowStockThreshold", 25));
    changeStock(product, -5);
    assertThat(single(AlertType.LOW_STOCK).severity()).isEqualTo("low");
  }

  @Test
  void aPushThatGaveUpRaisesOneSyncErrorPerChannel() {
    UUID channel = checkedChannel("shopify", "Web shop");

    publish(AlertTopics.SYNC_FAILED, Map.of("channelId", channel.toString(), "failure", "RETRYABLE",
        "message", "HTTP 503", "externalIds", List.of("a", "b"), "givenUp", false));
    assertThat(open(AlertType.SYNC_ERROR)).as("still retrying").isEmpty();

    publish(AlertTopics.SYNC_FAILED, Map.of("channelId", channel.toString(), "failure", "RETRYABLE",
        "message", "HTTP 503", "externalIds", List.of("a", "b"), "givenUp", true));
    publish(AlertTopics.SYNC_FAILED, Map.of("channelId", channel.toString(), "failure", "ITEM_PERMANENT",
        "message", "unknown item", "externalIds", List.of("c"), "givenUp", true));

    AlertRecord alert = single(AlertType.SYNC_ERROR);
    assertThat(alert.subject()).isEqualTo("channel:" + channel);
    assertThat(alert.occurrences()).isEqualTo(2);
    assertThat(alert.message()).contains("'Web shop'").contains("unknown item");
    assertThat(AlertJson.readMap(alert.metadataJson())).containsEntry("externalIds", List.of("c"));
    assertThat(open(AlertType.CHANNEL_DISCONNECTED)).isEmpty();
  }

  @Test
  void anAuthenticationFailureAlsoMeansTheChannelIsDisconnected() {
    UUID channel = checkedChannel("square", "Till");
    publish(AlertTopics.SYNC_FAILED, Map.of("channelId", channel.toString(), "failure", "AUTHENTICATION",
        "message", "401", "externalIds", List.of(), "givenUp", true));

    assertThat(single(AlertType.SYNC_ERROR).severity()).isEqualTo("high");
    assertThat(single(AlertType.CHANNEL_DISCONNECTED).severity()).isEqualTo("high");
  }

  @Test
  void aDisconnectedChannelIsAlertedOnceAndResolvedWhenItConnectsAgain() {
    UUID channel = checkedChannel("woocommerce", "Shop");

    publish(AlertTopics.CHANNEL_STATUS, Map.of("channelId", channel.toString(), "status", "error",
        "detail", "circuit open for 10 minutes"));
    publish(AlertTopics.CHANNEL_STATUS, Map.of("channelId", channel.toString(), "status", "disconnected",
        "detail", "token revoked"));
    AlertRecord alert = single(AlertType.CHANNEL_DISCONNECTED);
    assertThat(alert.occurrences()).isEqualTo(2);
    assertThat(alert.severity()).isEqualTo("high");
    assertThat(alert.message()).contains("token revoked");

    publish(AlertTopics.CHANNEL_STATUS, Map.of("channelId", channel.toString(), "status", "connected"));
    assertThat(open(AlertType.CHANNEL_DISCONNECTED)).isEmpty();

    publish(AlertTopics.CHANNEL_STATUS, Map.of("channelId", channel.toString(), "status", "disconnected"));
    assertThat(single(AlertType.CHANNEL_DISCONNECTED).id()).as("a new alert after the resolved one")
        .isNotEqualTo(alert.id());
  }

  @Test
  void unmappedItemsAreOneAlertPerChannelCountingDistinctItems() {
    UUID web = checkedChannel("shopify", "Web");
    UUID till = checkedChannel("square", "Till");
    for (String item : List.of("x-1", "x-2", "x-1", "x-3")) {
      publish(AlertTopics.ITEM_UNMAPPED, Map.of("channelId", web.toString(), "externalId", item));
    }
    publish(AlertTopics.ITEM_UNMAPPED, Map.of("channelId", till.toString(), "externalId", "t-1"));

    List<AlertRecord> alerts = open(AlertType.UNMAPPED_ITEM);
    assertThat(alerts).hasSize(2);
    AlertRecord webAlert = alerts.stream().filter(a -> a.subject().equals("channel:" + web)).findFirst().orElseThrow();
    assertThat(webAlert.occurrences()).isEqualTo(4);
    Map<String, Object> facts = AlertJson.readMap(webAlert.metadataJson());
    assertThat(facts).containsEntry("count", 3).containsEntry("externalIds", List.of("x-1", "x-2", "x-3"));
  }

  @Test
  void aMalformedEventIsCountedAndTheNextEventStillWorks() {
    publish(AlertTopics.STOCK_CHANGED, Map.of("productId", "not-a-uuid"));
    publish(AlertTopics.CHANNEL_STATUS, Map.of("channelId", UUID.randomUUID().toString(), "status", "sleepy"));
    publish(AlertTopics.ITEM_UNMAPPED, Map.of("channelId", UUID.randomUUID().toString()));
    UUID product = api.product(tenant, "LOW", 1, 0);
    publish(AlertTopics.STOCK_CHANGED, Map.of("productId", product.toString(), "stock", 1));

    assertThat(subscriptions.rejectedEvents()).isEqualTo(3);
    assertThat(single(AlertType.LOW_STOCK).subject()).isEqualTo("product:" + product);
  }

  @Test
  void thePeriodicCheckRaisesAndResolvesWithoutEventsOncePerInterval() {
    UUID low = api.product(tenant, "LOW", 2, 0);
    UUID fine = api.product(tenant, "FINE", 50, 0);
    PeriodicAlertChecks checks = parts.checks();

    assertThat(checkedTenants(checks)).as("this tenant's first check").isGreaterThanOrEqualTo(1);
    assertThat(open(AlertType.LOW_STOCK)).extracting(AlertRecord::subject).containsExactly("product:" + low);
    assertThat(tenantChecked(checks)).as("not due again yet").isFalse();

    api.post("/api/v1/products/" + low + "/stock", tenant.token(), Map.of("delta", 30)); // no event published
    api.post("/api/v1/products/" + fine + "/stock", tenant.token(), Map.of("delta", -48));
    clock.advance(AlertProperties.DEFAULT_CHECK_INTERVAL);
    assertThat(tenantChecked(checks)).isTrue();
    assertThat(open(AlertType.LOW_STOCK)).extracting(AlertRecord::subject).containsExactly("product:" + fine);
  }

  @Test
  void ofSeveralNodesCheckingAtOnceExactlyOneChecksEachTenant() throws Exception {
    api.product(tenant, "LOW", 1, 0);
    int nodes = 6;
    List<PeriodicAlertChecks> checks = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      checks.add(parts("node-" + i).checks());
    }
    clock.advance(Duration.ofDays(1)); // every earlier tenant is due too; only this one is asserted
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    CyclicBarrier start = new CyclicBarrier(nodes);
    List<Callable<Void>> work = new ArrayList<>();
    checks.forEach(c -> work.add(() -> {
      start.await();
      c.runDue();
      return null;
    }));
    try {
      for (Future<Void> f : pool.invokeAll(work)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    AlertRecord alert = single(AlertType.LOW_STOCK);
    assertThat(alert.occurrences()).as("one node ran this tenant's check").isEqualTo(1);
  }

  private int checkedTenants(PeriodicAlertChecks checks) {
    return checks.runDue();
  }

  /** Whether a run checked this test's tenant: its low-stock alerts then show a new occurrence or change. */
  private boolean tenantChecked(PeriodicAlertChecks checks) {
    int before = open(AlertType.LOW_STOCK).stream().mapToInt(AlertRecord::occurrences).sum()
        + resolvedCount();
    checks.runDue();
    int after = open(AlertType.LOW_STOCK).stream().mapToInt(AlertRecord::occurrences).sum() + resolvedCount();
    return before != after;
  }

  private int resolvedCount() {
    long total = tenancy.inTenant(tenant.tenantId(),
        () -> alertStore.list("resolved", null, new PageRequest(0, 200)).total());
    return (int) total;
  }

  /**
   * A channel whose credentials count as checked from the transaction that made it: one made through
   * the API is checked in the background, and its (refused) check would raise alerts of its own.
   */
  private UUID checkedChannel(String type, String name) {
    UUID id = UUID.randomUUID();
    tenancy.runInTenant(tenant.tenantId(), () -> {
      channelStore.create(id, type, name, null, null, "v1:k1:x", "{}");
      channelStore.recordCredentialCheck(id, "connected", "credentials accepted");
    });
    return id;
  }

  private void changeStock(UUID product, int delta) {
    TestApi.expect(api.post("/api/v1/products/" + product + "/stock", tenant.token(), Map.of("delta", delta)), 200);
    Map<String, Object> event = new HashMap<>();
    event.put("productId", product.toString());
    event.put("delta", delta);
    event.put("kind", "adjustment");
    event.put("sourceChannelId", null);
    publish(AlertTopics.STOCK_CHANGED, event);
  }

  /** As the Watcher announces a change: with the stock it left and the product's threshold. */
  private void changeStockAsTheWatcherSays(UUID product, int delta, int stock, int threshold) {
    TestApi.expect(api.post("/api/v1/products/" + product + "/stock", tenant.token(), Map.of("delta", delta)), 200);
    publish(AlertTopics.STOCK_CHANGED, Map.of("productId", product.toString(), "delta", delta, "stock", stock,
        "threshold", threshold, "kind", "sale"));
  }

  private void publish(String topic, Map<String, Object> payload) {
    bus.publish(tenant.tenantId(), topic, payload);
  }

  private List<AlertRecord> open(AlertType type) {
    return tenancy.inTenant(tenant.tenantId(), () -> alertStore.unresolvedOfType(type.wireName()));
  }

  private AlertRecord single(AlertType type) {
    List<AlertRecord> alerts = open(type);
    assertThat(alerts).hasSize(1);
    return alerts.get(0);
  }

  private <T> T alertStore(java.util.function.Function<ai.stockclerk.store.AlertStore, T> read) {
    return tenancy.inTenant(tenant.tenantId(), () -> read.apply(alertStore));
  }
}
