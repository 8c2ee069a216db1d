package ai.stockclerk.store;

import static ai.stockclerk.store.PushStateStore.PushOutcome.ACKNOWLEDGED;
import static ai.stockclerk.store.PushStateStore.PushOutcome.UNSETTLED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.stockclerk.testing.ServiceTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statements the sale-to-every-channel flow runs per webhook, per batch and per push (V5), on
 * real PostgreSQL: what they write, whom they refuse, and that batches and push settlements running
 * side by side never deadlock and keep the ledger balanced.
 */
class FlowStatementsTest extends ServiceTest {

  private static final String NOT_CHECKED = "credentials not checked yet";

  @Autowired Tenancy tenancy;
  @Autowired TenantStore tenants;
  @Autowired ProductStore products;
  @Autowired ChannelStore channels;
  @Autowired ChannelItemStore items;
  @Autowired StockLedger ledger;
  @Autowired InboxStore inbox;
  @Autowired PushStateStore pushStates;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  private record Shop(UUID tenant, UUID till, UUID web, UUID delivery, List<UUID> products) {}

  @Test
  void aBatchOfEventsAppliesEachByTheLedgerRulesAndNamesTheChannelsOwingAPush() {
    Shop shop = newShop(3, 10, 3);
    UUID first = shop.products().get(0);
    UUID second = shop.products().get(1);
    Instant t0 = Instant.parse("2026-03-01T10:00:00Z");

    LedgerEvent.Applied applied = tenancy.inTenant(shop.tenant(), () -> ledger.applyEvents(List.of(
        quantity(shop.delivery(), "d-0", -2, "order-1", "AVAILABILITY"),
        quantity(shop.delivery(), "nobody-maps-this", -1, "order-2", "AVAILABILITY"),
        level(shop.till(), "t-1", 10, t0, "count-1", "TILL"),
        level(shop.till(), "t-1", 7, t0.plusSeconds(60), "count-2", "TILL"),
        level(shop.till(), "t-1", 9, t0.plusSeconds(30), "count-3", "TILL"))));

    List<String> outcomes = applied.outcomes().stream().map(LedgerEvent.Outcome::outcome).toList();
    assertThat(outcomes).as("the till's 10 is what we pushed it; its 9 is older than its 7")
        .containsExactly("applied", "unmapped", "unchanged", "applied", "stale");
    LedgerEvent.Outcome sale = applied.outcomes().get(0);
    assertThat(sale.productId()).isEqualTo(first);
    assertThat(sale.delta()).isEqualTo(-2);
    assertThat(sale.kind()).isEqualTo("sale");
    assertThat(sale.resultingStock()).isEqualTo(8);
    assertThat(sale.sku()).isEqualTo("SKU-0");
    assertThat(sale.lowStockThreshold()).as("buffer 3 + 5 without a threshold of its own").isEqualTo(8);
    assertThat(applied.outcomes().get(3).delta()).isEqualTo(-3);
    assertThat(applied.channelsOwing()).containsExactlyInAnyOrder(shop.till(), shop.web(), shop.delivery());

    tenancy.runInTenant(shop.tenant(), () -> {
      assertThat(products.get(first).stock()).isEqualTo(8);
      assertThat(products.get(second).stock()).isEqualTo(7);
      assertThat(ledger.ledgerSum(first)).isEqualTo(8);
      assertThat(ledger.ledgerSum(second)).isEqualTo(7);
      Map<String, ChannelItemRecord> byExternal = items.list(null, null).stream()
          .collect(Collectors.toMap(ChannelItemRecord::externalId, item -> item));
      assertThat(byExternal.get("w-0").dirty()).as("the other channels owe the new level").isTrue();
      assertThat(byExternal.get("t-0").dirty()).isTrue();
      assertThat(byExternal.get("d-0").dirty()).as("the delivery app shows 'available' (8 - 3 > 0) already")
          .isFalse();
      assertThat(byExternal.get("t-1").reportedLevel()).isEqualTo(7);
      assertThat(byExternal.get("t-1").dirty()).as("the till counted 7 and stock is 7: nothing to push back")
          .isFalse();
      assertThat(byExternal.get("w-1").dirty()).isTrue();
      assertThat(byExternal.get("d-1").dirty()).isTrue();
      assertThat(byExternal.get("t-2").dirty()).as("a product nothing happened to").isFalse();
    });
  }

  @Test
  void aWebhookIsStoredOnceAndOnlyInAStatementOfItsOwn() {
    Shop shop = newShop(1, 5, 0);
    byte[] body = "{\"sale\":1}".getBytes();

    assertThat(inbox.acceptAsTenant(shop.tenant(), shop.delivery(), "event:1", body, "{}")).isPresent();
    assertThat(inbox.acceptAsTenant(shop.tenant(), shop.delivery(), "event:1", body, "{}"))
        .as("a redelivery of the same event").isEmpty();
    assertThatThrownBy(() -> tenancy.runInTenant(shop.tenant(),
        () -> inbox.acceptAsTenant(shop.tenant(), shop.delivery(), "event:2", body, "{}")))
        .isInstanceOf(IllegalStateException.class);
    Shop other = newShop(1, 5, 0);
    tenancy.runInTenant(other.tenant(), () -> assertThat(inbox.countWithStatus(InboxStore.RECEIVED)).isZero());
    tenancy.runInTenant(shop.tenant(), () -> {
      assertThat(inbox.countWithStatus(InboxStore.RECEIVED)).isEqualTo(1);
      assertThat(inbox.claimUntried(10)).hasSize(1).allSatisfy(row -> assertThat(row.status()).isEqualTo("processed"));
      assertThat(inbox.claimUntried(10)).as("claimed rows are not claimed twice").isEmpty();
    });
  }

  @Test
  void onlyServedChannelsHaveItemsToPush() {
    Shop shop = newShop(1, 5, 0);
    tenancy.runInTenant(shop.tenant(), () -> ledger.applyEvents(List.of(
        quantity(shop.delivery(), "d-0", -1, "order-1", "AVAILABILITY"))));

    assertThat(pushStates.toPush(shop.tenant(), shop.web(), 50, NOT_CHECKED)).hasSize(1);
    tenancy.runInTenant(shop.tenant(), () -> channels.setStatus(shop.web(), "disconnected", NOT_CHECKED));
    assertThat(pushStates.toPush(shop.tenant(), shop.web(), 50, NOT_CHECKED)).as("not checked yet: served").hasSize(1);
    tenancy.runInTenant(shop.tenant(), () -> channels.setStatus(shop.web(), "disconnected", "refused"));
    assertThat(pushStates.toPush(shop.tenant(), shop.web(), 50, NOT_CHECKED)).isEmpty();
    tenancy.runInTenant(shop.tenant(), () -> channels.setStatus(shop.web(), "connected", null));
    tenancy.runInTenant(shop.tenant(), () -> channels.update(shop.web(), new ChannelChanges(null, false, null, null,
        null)));
    assertThat(pushStates.toPush(shop.tenant(), shop.web(), 50, NOT_CHECKED)).isEmpty();
    assertThat(pushStates.toPush(newShop(1, 5, 0).tenant(), shop.till(), 50, NOT_CHECKED))
        .as("another tenant's channel").isEmpty();
  }

  @Test
  void aSettledPushStaysOwedWhenAChangeArrivedWhileItRan() {
    Shop shop = newShop(1, 5, 0);
    tenancy.runInTenant(shop.tenant(), () -> ledger.applyEvents(List.of(
        quantity(shop.delivery(), "d-0", -1, "order-1", "AVAILABILITY"))));
    PushState planned = pushStates.toPush(shop.tenant(), shop.web(), 50, NOT_CHECKED).get(0);
    tenancy.runInTenant(shop.tenant(), () -> ledger.applyEvents(List.of(
        quantity(shop.delivery(), "d-0", -1, "order-2", "AVAILABILITY"))));

    pushStates.settle(shop.tenant(), shop.web(), List.of(new PushStateStore.Settled(planned.itemId(), 4,
        planned.dirtyVersion(), ACKNOWLEDGED)), List.of(new PushStateStore.PushAudit("sync.push", "completed", null,
        "{\"items\":1}", null)));

    List<PushState> again = pushStates.toPush(shop.tenant(), shop.web(), 50, NOT_CHECKED);
    assertThat(again).singleElement().satisfies(state -> {
      assertThat(state.pushedLevel()).isEqualTo(4);
      assertThat(state.stock()).isEqualTo(3);
    });
    pushStates.settle(shop.tenant(), shop.web(), List.of(new PushStateStore.Settled(again.get(0).itemId(), 3,
        again.get(0).dirtyVersion(), ACKNOWLEDGED)), List.of());
    assertThat(pushStates.toPush(shop.tenant(), shop.web(), 50, NOT_CHECKED)).isEmpty();
    assertThatThrownBy(() -> tenancy.runInTenant(shop.tenant(),
        () -> pushStates.settle(shop.tenant(), shop.web(), List.of(), List.of())))
        .isInstanceOf(IllegalStateException.class);
  }

  /**
   * A sale that commits while the push's read waits for an item lock must not be taken as pushed:
   * the read returns stock and version as one snapshot saw them, so the settlement leaves the item
   * owed and the next push carries the sale.
   */
  @Test
  void aSaleCommittedWhileThePushWaitsForItsLockIsPushedNextTime() throws Exception {
    Shop shop = newShop(1, 20, 0);
    tenancy.runInTenant(shop.tenant(), () -> ledger.applyEvents(List.of(
        quantity(shop.delivery(), "d-0", -1, "order-1", "AVAILABILITY"))));
    CountDownLatch applied = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    Future<?> sale = threads.submit(() -> tenancy.runInTenant(shop.tenant(), () -> {
      ledger.applyEvents(List.of(quantity(shop.delivery(), "d-0", -1, "order-2", "AVAILABILITY")));
      applied.countDown();
      await(release);
    }));
    await(applied);
    Future<List<PushState>> read = threads.submit(() -> pushStates.toPush(shop.tenant(), shop.web(), 50, NOT_CHECKED));
    Thread.sleep(300); // the read is now waiting for the item the uncommitted sale holds
    release.countDown();
    sale.get(30, TimeUnit.SECONDS);
    PushState planned = read.get(30, TimeUnit.SECONDS).get(0);
    threads.shutdown();

    pushStates.settle(shop.tenant(), shop.web(), List.of(new PushStateStore.Settled(planned.itemId(), planned.stock(),
        planned.dirtyVersion(), ACKNOWLEDGED)), List.of());

    assertThat(pushStates.toPush(shop.tenant(), shop.web(), 50, NOT_CHECKED)).singleElement()
        .satisfies(next -> assertThat(next.stock()).isEqualTo(18));
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A level the channel reports while our push to the item is in flight could be our own write's
   * effect: its webhook is held until the push settles, then applied against the level pushed.
   */
  @Test
  void aLevelReportWaitsForThePushInFlightToItsItem() {
    Shop shop = newShop(1, 20, 0);
    tenancy.runInTenant(shop.tenant(), () -> ledger.applyEvents(List.of(
        quantity(shop.delivery(), "d-0", -5, "order-1", "AVAILABILITY"))));
    PushState inFlight = pushStates.toPush(shop.tenant(), shop.web(), 50, NOT_CHECKED).get(0);
    Instant now = Instant.now();

    LedgerEvent.Applied whileInFlight = tenancy.inTenant(shop.tenant(), () -> ledger.applyEvents(List.of(
        new LedgerEvent(0, shop.web(), "w-0", true, 14, now, "shop-1", MovementKind.SALE, MovementKind.ADJUSTMENT,
            "ONLINE"),
        new LedgerEvent(0, shop.till(), "t-0", false, -2, now, "shop-1-too", MovementKind.SALE, null, "TILL"),
        new LedgerEvent(1, shop.till(), "t-0", false, -1, now, "till-1", MovementKind.SALE, null, "TILL"))));
    assertThat(whileInFlight.outcomes()).extracting(LedgerEvent.Outcome::outcome)
        .as("the report's whole webhook waits; another webhook goes through")
        .containsExactly("held", "held", "applied");
    tenancy.runInTenant(shop.tenant(), () -> assertThat(products.get(shop.products().get(0)).stock()).isEqualTo(14));
    pushStates.settle(shop.tenant(), shop.web(), List.of(new PushStateStore.Settled(inFlight.itemId(), 15,
        inFlight.dirtyVersion(), ACKNOWLEDGED)), List.of());
    LedgerEvent.Applied sold = tenancy.inTenant(shop.tenant(), () -> ledger.applyEvents(List.of(
        level(shop.web(), "w-0", 14, now, "shop-1", "ONLINE"))));
    assertThat(sold.outcomes()).singleElement().satisfies(o -> {
      assertThat(o.delta()).as("one sold from the 15 we pushed").isEqualTo(-1);
      assertThat(o.resultingStock()).isEqualTo(13);
    });

    PushState next = pushStates.toPush(shop.tenant(), shop.web(), 50, NOT_CHECKED).get(0);
    pushStates.settle(shop.tenant(), shop.web(), List.of(new PushStateStore.Settled(next.itemId(), 13,
        next.dirtyVersion(), UNSETTLED)), List.of());
    assertThat(tenancy.inTenant(shop.tenant(), () -> ledger.applyEvents(List.of(
        level(shop.web(), "w-0", 14, now.plusSeconds(1), "shop-2", "ONLINE")))).outcomes())
        .as("a push that did not settle stops being in flight; the report counts from the level last known")
        .singleElement().satisfies(o -> assertThat(o.outcome()).isEqualTo("unchanged"));
  }

  /**
   * Batches of sales over several products and push settlements of the same items, side by side:
   * both lock in PostgreSQL's product order whatever order they are given, so PostgreSQL never
   * finds a deadlock (it would fail one of them), and every sale is in the stock and the ledger.
   */
  @Test
  void batchesAndPushSettlementsSideBySideNeverDeadlock() throws Exception {
    int productCount = 6;
    Shop shop = newShop(productCount, 100_000, 0);
    AtomicLong sold = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      done.add(pool.submit(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int round = 0; round < 150; round++) {
          List<LedgerEvent> batch = new ArrayList<>();
          for (int e = random.nextInt(1, 8); e > 0; e--) {
            batch.add(quantity(shop.delivery(), "d-" + random.nextInt(productCount), -1, null, "AVAILABILITY"));
          }
          tenancy.runInTenant(shop.tenant(), () -> ledger.applyEvents(batch));
          sold.addAndGet(batch.size());
        }
      }));
      UUID channel = t % 2 == 0 ? shop.web() : shop.till();
      done.add(pool.submit(() -> {
        for (int round = 0; round < 150; round++) {
          // In whatever order: the settlement itself locks in product order.
          List<PushState> planned = new ArrayList<>(pushStates.toPush(shop.tenant(), channel, 50, NOT_CHECKED));
          java.util.Collections.shuffle(planned);
          pushStates.settle(shop.tenant(), channel, planned.stream()
              .map(state -> new PushStateStore.Settled(state.itemId(), state.stock(), state.dirtyVersion(),
                  ACKNOWLEDGED))
              .toList(), List.of());
        }
      }));
    }
    for (Future<?> future : done) {
      future.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();

    tenancy.runInTenant(shop.tenant(), () -> {
      long stock = 0;
      for (UUID product : shop.products()) {
        stock += products.get(product).stock();
        assertThat(ledger.ledgerSum(product)).isEqualTo(products.get(product).stock());
      }
      assertThat(stock).isEqualTo(productCount * 100_000L - sold.get());
    });
  }

  private static LedgerEvent quantity(UUID channel, String item, int delta, String event, String role) {
    return new LedgerEvent(0, channel, item, false, delta, Instant.now(), event,
        delta < 0 ? MovementKind.SALE : MovementKind.RETURN, null, role);
  }

  private static LedgerEvent level(UUID channel, String item, int level, Instant at, String event, String role) {
    return new LedgerEvent(0, channel, item, true, level, at, event, MovementKind.SALE, MovementKind.RESTOCK, role);
  }

  /**
   * A tenant with a till, a web shop and a delivery app, each mapping every product (t-i, w-i, d-i),
   * every item pushed once (the till shows stock, the shop stock less the buffer, the app 1).
   */
  @Test
  void aProductHasOneItemPerChannelAndAnExternalIdOneProduct() {
    Shop shop = newShop(2, 10, 0);
    UUID first = shop.products().get(0);
    UUID second = shop.products().get(1);
    assertThatThrownBy(() -> tenancy.runInTenant(shop.tenant(), () -> items.create(first, shop.web(), "w-other", null)))
        .as("the product is mapped on that channel already").isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> tenancy.runInTenant(shop.tenant(), () -> items.create(second, shop.web(), "w-0", null)))
        .as("that external id names another product there").isInstanceOf(ConflictException.class);
    tenancy.runInTenant(shop.tenant(), () -> {
      items.delete(items.list(first, shop.web()).get(0).id());
      assertThat(items.create(first, shop.web(), "w-again", null).externalId()).isEqualTo("w-again");
    });
  }

  @Test
  void watcherBatchesAndPushesCommitWithoutWaitingForTheDiskAndNothingElseDoes() {
    Shop shop = newShop(1, 10, 0);
    String serverSetting = jdbc.sql("SELECT reset_val FROM pg_settings WHERE name = 'synchronous_commit'")
        .query(String.class).single();
    assertThat(tenancy.inTenantRedoable(shop.tenant(), this::synchronousCommit)).isEqualTo("off");
    assertThat(tenancy.inTenant(shop.tenant(), this::synchronousCommit)).isEqualTo(serverSetting);
    assertThat(synchronousCommit()).as("local to the transaction that set it").isEqualTo(serverSetting);
    for (String push : List.of("SELECT count(*) FROM items_to_push(?, ?, 10, 'x')",
        "SELECT count(*) FROM (SELECT settle_pushes(?, ?, '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}')) s")) {
      String inPush = transactions.execute(status -> {
        jdbc.sql(push).params(shop.tenant(), shop.web()).query(Long.class).single();
        String value = synchronousCommit();
        status.setRollbackOnly();
        return value;
      });
      assertThat(inPush).as(push).isEqualTo("off");
    }
    String inWebhook = transactions.execute(status -> {
      jdbc.sql("SELECT accept_webhook(?, ?, 'event-1', '\\x00', '{}')").params(shop.tenant(), shop.delivery())
          .query().listOfRows();
      String value = synchronousCommit();
      status.setRollbackOnly();
      return value;
    });
    assertThat(inWebhook).as("a vendor is answered only once its webhook is on disk").isEqualTo(serverSetting);
  }

  /**
   * Statements over array arguments were planned again on every call (the plan cache prefers a
   * custom plan when it can count the array); planning cost several times the statements' work.
   */
  @Test
  void theBatchFunctionsPlanTheirStatementsOncePerConnection() {
    List<String> unplanned = jdbc.sql("""
        SELECT p.proname FROM pg_proc p
        WHERE p.proname IN ('apply_stock_events', 'settle_pushes')
          AND NOT coalesce('plan_cache_mode=force_generic_plan' = ANY (p.proconfig), false)""")
        .query(String.class).list();
    assertThat(unplanned).isEmpty();
    long functions = jdbc.sql("SELECT count(*) FROM pg_proc WHERE proname IN ('apply_stock_events', 'settle_pushes')")
        .query(Long.class).single();
    assertThat(functions).isEqualTo(2);
  }

  private String synchronousCommit() {
    return jdbc.sql("SHOW synchronous_commit").query(String.class).single();
  }

  private Shop newShop(int productCount, int stock, int buffer) {
    UUID tenant = UUID.randomUUID();
    tenancy.runInTenant(tenant, () -> tenants.createTenant("Flow test", "flow-" + tenant, "trial", "trial", null));
    UUID till = UUID.randomUUID();
    UUID web = UUID.randomUUID();
    UUID delivery = UUID.randomUUID();
    List<UUID> productIds = new ArrayList<>();
    tenancy.runInTenant(tenant, () -> {
      channels.create(till, "square", "Till", null, null, "v1:k1:x", "{}");
      channels.create(web, "shopify", "Web", null, null, "v1:k1:x", "{}");
      channels.create(delivery, "deliveroo", "Delivery", null, null, "v1:k1:x", "{}");
      for (UUID channel : List.of(till, web, delivery)) {
        channels.recordCredentialCheck(channel, "connected", null);
      }
      for (int i = 0; i < productCount; i++) {
        ProductRecord product = products.create("SKU-" + i, "Product " + i, null, stock, buffer, null);
        productIds.add(product.id());
        items.create(product.id(), till, "t-" + i, null);
        items.create(product.id(), web, "w-" + i, null);
        items.create(product.id(), delivery, "d-" + i, null);
      }
    });
    for (UUID channel : List.of(till, web, delivery)) {
      List<PushState> first = pushStates.toPush(tenant, channel, 500, NOT_CHECKED);
      pushStates.settle(tenant, channel, first.stream().map(state -> new PushStateStore.Settled(state.itemId(),
          channel == delivery ? 1 : channel == web ? state.stock() - buffer : state.stock(), state.dirtyVersion(),
          ACKNOWLEDGED)).toList(), List.of());
    }
    return new Shop(tenant, till, web, delivery, productIds);
  }
}
