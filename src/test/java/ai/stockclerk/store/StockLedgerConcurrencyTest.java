package ai.stockclerk.store;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.testing.ServiceTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Invariant I1 under contention, on real PostgreSQL: many threads apply deltas and absolute channel
 * reports to one product at once; every applied change counts, and the ledger sums to the stock.
 */
class StockLedgerConcurrencyTest extends ServiceTest {

  private static final int THREADS = 16;
  private static final int OPERATIONS = 100_000;

  @Autowired Tenancy tenancy;
  @Autowired TenantStore tenants;
  @Autowired ProductStore products;
  @Autowired ChannelStore channels;
  @Autowired ChannelItemStore items;
  @Autowired StockLedger ledger;

  @Test
  void concurrentDeltasAndReportsAllCountAndTheLedgerBalances() throws Exception {
    UUID tenant = newTenant();
    int initial = 5_000;
    ProductRecord product = tenancy.inTenant(tenant, () -> products.create("HOT-1", "Hot item", null, initial, 2, null));
    List<UUID> channelIds = new ArrayList<>();
    List<UUID> itemIds = new ArrayList<>();
    tenancy.runInTenant(tenant, () -> {
      for (int i = 0; i < 4; i++) {
        UUID channelId = UUID.randomUUID();
        channels.create(channelId, "simulator", "Channel " + i, null, null, "v1:k1:x", "{}");
        channelIds.add(channelId);
        itemIds.add(items.create(product.id(), channelId, "item-" + i, null).id());
      }
    });
    Instant start = Instant.now();
    AtomicLong applied = new AtomicLong();
    AtomicLong stale = new AtomicLong();

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      done.add(pool.submit(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int i = 0;
        while (i < OPERATIONS / THREADS) {
          // Like a webhook that carries several items, a transaction applies one to four changes.
          int batch = Math.min(random.nextInt(1, 5), OPERATIONS / THREADS - i);
          List<Long> deltas = tenancy.inTenant(tenant, () -> applyBatch(batch, random, channelIds, itemIds, product,
              start, stale));
          deltas.forEach(applied::addAndGet);
          i += batch;
        }
      }));
    }
    for (Future<?> future : done) {
      future.get(10, TimeUnit.MINUTES);
    }
    pool.shutdown();

    int finalStock = tenancy.inTenant(tenant, () -> ledger.stock(product.id()).orElseThrow());
    long ledgerSum = tenancy.inTenant(tenant, () -> ledger.ledgerSum(product.id()));
    assertThat(finalStock).isEqualTo(initial + applied.get());
    assertThat(ledgerSum).isEqualTo(finalStock);
    assertThat(stale.get()).as("some reports arrived out of order and were ignored").isPositive();
  }

  private List<Long> applyBatch(int batch, ThreadLocalRandom random, List<UUID> channelIds, List<UUID> itemIds,
      ProductRecord product, Instant start, AtomicLong stale) {
    List<Long> deltas = new ArrayList<>();
    for (int i = 0; i < batch; i++) {
      int channel = random.nextInt(channelIds.size());
      if (random.nextInt(3) == 0) {
        Instant reportedAt = start.plusMillis(random.nextInt(60_000));
        int level = random.nextInt(0, 200);
        String event = "report-" + random.nextLong();
        ReportOutcome outcome = ledger.applyChannelReport(itemIds.get(channel), level, reportedAt, event,
            delta -> delta < 0 ? MovementKind.SALE : MovementKind.RESTOCK);
        if (outcome instanceof ReportOutcome.Applied a) {
          deltas.add((long) a.movement().delta());
        } else if (outcome instanceof ReportOutcome.Stale) {
          stale.incrementAndGet();
        }
      } else {
        int delta = random.nextInt(-5, 4);
        Movement movement = ledger.apply(new StockChange(product.id(), delta,
            delta < 0 ? MovementKind.SALE : MovementKind.RETURN, channelIds.get(channel), null, null));
        deltas.add((long) movement.delta());
      }
    }
    return deltas;
  }

  @Test
  void aStaleAbsoluteReportChangesNothing() {
    UUID tenant = newTenant();
    UUID itemId = tenancy.inTenant(tenant, () -> {
      ProductRecord product = products.create("S-1", "Stale test", null, 10, 0, null);
      UUID channelId = UUID.randomUUID();
      channels.create(channelId, "shopify", "Web", null, null, "v1:k1:x", "{}");
      return items.create(product.id(), channelId, "ext", null).id();
    });
    Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    ReportOutcome first = tenancy.inTenant(tenant, () -> ledger.applyChannelReport(itemId, 10, t0, "e1", d -> MovementKind.SALE));
    ReportOutcome sale = tenancy.inTenant(tenant,
        () -> ledger.applyChannelReport(itemId, 7, t0.plusSeconds(60), "e2", d -> MovementKind.SALE));
    ReportOutcome stale = tenancy.inTenant(tenant,
        () -> ledger.applyChannelReport(itemId, 9, t0.plusSeconds(30), "e3", d -> MovementKind.SALE));

    assertThat(first).isInstanceOf(ReportOutcome.Baseline.class);
    assertThat(sale).isInstanceOfSatisfying(ReportOutcome.Applied.class,
        a -> assertThat(a.movement().delta()).isEqualTo(-3));
    assertThat(stale).isInstanceOf(ReportOutcome.Stale.class);
    tenancy.runInTenant(tenant, () -> {
      assertThat(items.find(itemId).orElseThrow().reportedLevel()).isEqualTo(7);
      ProductRecord product = products.get(items.find(itemId).orElseThrow().productId());
      assertThat(product.stock()).isEqualTo(7);
      assertThat(ledger.ledgerSum(product.id())).isEqualTo(7);
    });
  }

  @Test
  void stockMayGoNegativeAndTheOversellIsRecorded() {
    UUID tenant = newTenant();
    tenancy.runInTenant(tenant, () -> {
      ProductRecord product = products.create("LAST-1", "Last one", null, 1, 0, null);
      ledger.apply(new StockChange(product.id(), -1, MovementKind.SALE, null, "till", null));
      Movement oversell = ledger.apply(new StockChange(product.id(), -1, MovementKind.SALE, null, "web", null));
      assertThat(oversell.resultingStock()).isEqualTo(-1);
      assertThat(products.get(product.id()).stock()).isEqualTo(-1);
    });
  }

  private UUID newTenant() {
    UUID tenant = UUID.randomUUID();
    tenancy.runInTenant(tenant, () -> tenants.createTenant("Ledger test", "ledger-" + tenant, "trial", "trial", null));
    return tenant;
  }
}
