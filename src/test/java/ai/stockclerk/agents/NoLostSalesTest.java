package ai.stockclerk.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.stockclerk.channels.simulator.ChannelSimulator;
import ai.stockclerk.channels.simulator.OutgoingWebhook;
import ai.stockclerk.testing.ServiceTest;
import ai.stockclerk.testing.TestApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No lost sales (invariant I1, I2): random sales from many threads on the delivery app (orders with
 * quantities) and on the web shop (absolute levels, compare-and-set pushes), every webhook
 * delivered, a share of them twice and a share held back and delivered late, out of order. At
 * quiescence stock is initial minus sold, every channel shows its level, and the ledger balances.
 * 10,000 sales by default (about 25 s on a 2-core box); {@code -Dflow.noLostSales.sales=N} changes it.
 */
class NoLostSalesTest extends ServiceTest {

  static final int SALES = Integer.getInteger("flow.noLostSales.sales", 10_000);
  static final int PRODUCTS = 4;
  static final int INITIAL = 1_000_000;

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private FlowFixture flow;

  @BeforeEach
  void connect() {
    flow = new FlowFixture(new TestApi(http()), port, "Busy bakery").withChannels();
    // Webhooks are captured and delivered by the test, so it can repeat and reorder them.
    flow.shop.webhookTarget(null, null);
    flow.delivery.webhookTarget(null, null);
  }

  @AfterEach
  void close() {
    flow.close();
  }

  @Test
  void everySaleCountsDespiteDuplicatesAndReordering() throws Exception {
    List<UUID> products = new ArrayList<>();
    for (int n = 1; n <= PRODUCTS; n++) {
      products.add(flow.product(100 + n, INITIAL, 0, INITIAL));
    }
    // A level report before the first push is only a baseline (nothing to compare it with).
    flow.awaitFirstPushes();
    AtomicIntegerArray sold = new AtomicIntegerArray(PRODUCTS);
    ConcurrentLinkedQueue<Delivery> late = new ConcurrentLinkedQueue<>();
    ExecutorService sellers = Executors.newFixedThreadPool(12);
    int shopSales = SALES / 5;
    // Level-reporting channel: one seller per item keeps each item's reports in level order.
    for (int p = 0; p < PRODUCTS; p++) {
      int product = p;
      sellers.execute(() -> sellOnShop(product, shopSales / PRODUCTS, sold, late));
    }
    for (int i = 0; i < SALES - (shopSales / PRODUCTS) * PRODUCTS; i++) {
      sellers.execute(() -> sellOnDelivery(sold, late));
    }
    sellers.shutdown();
    assertThat(sellers.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
    List<Delivery> held = new ArrayList<>(late);
    Collections.shuffle(held);
    for (Delivery delivery : held) {
      assertThat(deliver(delivery)).isEqualTo(200);
    }

    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      for (int p = 0; p < PRODUCTS; p++) {
        int expected = INITIAL - sold.get(p);
        assertThat(flow.stock(products.get(p))).as("stock of product %d", p).isEqualTo(expected);
        assertThat(flow.till.item("sq-" + (101 + p)).orElseThrow().level()).as("till %d", p).isEqualTo(expected);
        assertThat(flow.shop.item(Integer.toString(101 + p)).orElseThrow().level()).as("shop %d", p)
            .isEqualTo(expected);
        assertThat(flow.delivery.item("d-" + (101 + p)).orElseThrow().available()).isTrue();
      }
    });
    for (int p = 0; p < PRODUCTS; p++) {
      assertThat(ledgerSum(products.get(p))).as("ledger of product %d", p).isEqualTo(INITIAL - sold.get(p));
    }
  }

  private void sellOnShop(int product, int sales, AtomicIntegerArray sold, ConcurrentLinkedQueue<Delivery> late) {
    String item = Integer.toString(101 + product);
    for (int i = 0; i < sales; i++) {
      int quantity = ThreadLocalRandom.current().nextInt(1, 4);
      flow.shop.sale(item, quantity).orElseThrow();
      sold.addAndGet(product, quantity);
      send(flow.shop, flow.shop.webhookFor(item, quantity, target(flow.shop), secret(flow.shop)), late);
    }
  }

  private void sellOnDelivery(AtomicIntegerArray sold, ConcurrentLinkedQueue<Delivery> late) {
    int product = ThreadLocalRandom.current().nextInt(PRODUCTS);
    int quantity = ThreadLocalRandom.current().nextInt(1, 4);
    String item = "d-" + (101 + product);
    flow.delivery.sale(item, quantity).orElseThrow();
    sold.addAndGet(product, quantity);
    send(flow.delivery, flow.delivery.webhookFor(item, quantity, target(flow.delivery), secret(flow.delivery)), late);
  }

  /** Delivers now; one in ten twice; one in twenty only later, after the others (out of order). */
  private void send(ChannelSimulator simulator, OutgoingWebhook webhook, ConcurrentLinkedQueue<Delivery> late) {
    Delivery delivery = new Delivery(target(simulator), webhook);
    int dice = ThreadLocalRandom.current().nextInt(20);
    if (dice == 0) {
      late.add(delivery);
      return;
    }
    assertThat(deliver(delivery)).isEqualTo(200);
    if (dice <= 2) {
      assertThat(deliver(delivery)).isEqualTo(200);
    }
  }

  private int deliver(Delivery delivery) {
    HttpRequest.Builder request = HttpRequest.newBuilder(delivery.target())
        .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.webhook().body()));
    delivery.webhook().headers().forEach(request::header);
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception unreachable) {
      throw new AssertionError(unreachable);
    }
  }

  private URI target(ChannelSimulator simulator) {
    return flow.targets.get(simulator);
  }

  private String secret(ChannelSimulator simulator) {
    return flow.secrets.get(simulator);
  }

  private long ledgerSum(UUID product) throws Exception {
    var db = database();
    try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        var statement = connection.prepareStatement(
            "SELECT coalesce(sum(delta), 0) FROM stock_movements WHERE product_id = ?")) {
      statement.setObject(1, product);
      try (var rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private record Delivery(URI target, OutgoingWebhook webhook) {}
}
