package ai.stockclerk.cli.bench;

import ai.stockclerk.channels.simulator.ChannelSimulator;
import ai.stockclerk.channels.simulator.OutgoingWebhook;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends Deliveroo sales at a fixed rate and watches the till and the shop: a sale is confirmed when
 * both show a level at or below the stock it left (levels only fall during the run).
 */
final class FlowLoad {

  static final Duration QUIESCENCE = Duration.ofSeconds(60);

  /** What the run measured. */
  record Result(int sales, double webhooksPerSecond, long p50Millis, long p99Millis, long maxMillis, int unconfirmed,
      long lostSales, double setCallsPerSale, int rejected) {}

  private record Pending(BenchTenants.Tenant tenant, int product, int expected, long acceptedNanos) {}

  private final BenchTenants api;
  private final List<BenchTenants.Tenant> tenants;
  private final ChannelSimulator delivery;
  private final ChannelSimulator till;
  private final ChannelSimulator shop;
  private final int rate;
  private final int seconds;
  private final int senders;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
  private final List<Long> latencies = new ArrayList<>();
  private final AtomicInteger rejected = new AtomicInteger();

  FlowLoad(BenchTenants api, List<BenchTenants.Tenant> tenants, ChannelSimulator delivery, ChannelSimulator till, ChannelSimulator shop,
      int rate, int seconds, int senders) {
    this.api = api;
    this.tenants = tenants;
    this.delivery = delivery;
    this.till = till;
    this.shop = shop;
    this.rate = rate;
    this.seconds = seconds;
    this.senders = senders;
  }

  Result run() throws Exception {
    awaitFirstPushes();
    int products = tenants.get(0).products().size();
    AtomicIntegerArray stock = new AtomicIntegerArray(tenants.size() * products);
    for (int i = 0; i < stock.length(); i++) {
      stock.set(i, BenchTenants.INITIAL_STOCK);
    }
    long setCallsBefore = till.setCalls() + shop.setCalls() + delivery.setCalls();
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    Thread watcher = new Thread(this::confirmLoop, "bench-confirm");
    watcher.setDaemon(true);
    watcher.start();
    int total = rate * seconds;
    AtomicInteger accepted = new AtomicInteger();
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long due = start + (long) (i * 1e9 / rate);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      BenchTenants.Tenant tenant = tenants.get(i % tenants.size());
      int product = ThreadLocalRandom.current().nextInt(products);
      pool.execute(() -> sell(tenant, product, stock, accepted));
    }
    pool.shutdown();
    pool.awaitTermination(5, TimeUnit.MINUTES);
    double elapsed = (System.nanoTime() - start) / 1e9;
    long deadline = System.nanoTime() + QUIESCENCE.toNanos();
    while (!pending.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    watcher.interrupt();
    long lost = lostSales(stock, products);
    long setCalls = till.setCalls() + shop.setCalls() + delivery.setCalls() - setCallsBefore;
    long[] sorted;
    synchronized (latencies) {
      sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }
    return new Result(accepted.get(), accepted.get() / elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1], pending.size(), lost,
        accepted.get() == 0 ? 0 : (double) setCalls / accepted.get(), rejected.get());
  }

  private void sell(BenchTenants.Tenant tenant, int product, AtomicIntegerArray stock, AtomicInteger accepted) {
    String item = tenant.deliveryItem(product);
    delivery.sale(item, 1);
    OutgoingWebhook webhook = delivery.webhookFor(item, 1, tenant.deliveryWebhook(), tenant.deliverySecret());
    int index = tenant.index() * tenant.products().size() + product;
    int expected = stock.decrementAndGet(index);
    HttpRequest.Builder request = HttpRequest.newBuilder(tenant.deliveryWebhook())
        .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body()));
    webhook.headers().forEach(request::header);
    try {
      int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status == 200) {
        accepted.incrementAndGet();
        pending.add(new Pending(tenant, product, expected, System.nanoTime()));
      } else {
        rejected.incrementAndGet();
        stock.incrementAndGet(index);
      }
    } catch (Exception unreachable) {
      rejected.incrementAndGet();
      stock.incrementAndGet(index);
    }
  }

  private void confirmLoop() {
    while (!Thread.currentThread().isInterrupted()) {
      long now = System.nanoTime();
      for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
        Pending sale = it.next();
        if (level(till, sale.tenant().tillItem(sale.product())) <= sale.expected()
            && level(shop, sale.tenant().shopItem(sale.product())) <= sale.expected()) {
          it.remove();
          synchronized (latencies) {
            latencies.add(TimeUnit.NANOSECONDS.toMillis(now - sale.acceptedNanos()));
          }
        }
      }
      LockSupport.parkNanos(2_000_000);
    }
  }

  private static int level(ChannelSimulator simulator, String item) {
    return simulator.item(item).map(i -> i.level()).orElse(Integer.MAX_VALUE);
  }

  /** Central stock against initial minus accepted sales, summed over products, once all is quiet. */
  private long lostSales(AtomicIntegerArray expected, int products) throws Exception {
    long lost = 0;
    for (BenchTenants.Tenant tenant : tenants) {
      for (int p = 0; p < products; p++) {
        lost += Math.abs(api.stock(tenant, p) - expected.get(tenant.index() * products + p));
      }
    }
    return lost;
  }

  private void awaitFirstPushes() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      long calls = till.setCalls() + shop.setCalls() + delivery.setCalls();
      Thread.sleep(2_000);
      if (calls > 0 && calls == till.setCalls() + shop.setCalls() + delivery.setCalls()) {
        return;
      }
    }
  }

  private static long percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }
}
