package ai.stockclerk.cli.bench;

import ai.stockclerk.channels.simulator.ChannelSimulator;
import ai.stockclerk.channels.simulator.OutgoingWebhook;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends Deliveroo sales at a fixed rate and watches the till and the shop: a sale is confirmed when
 * both show a level at or below the stock it left (levels only fall during the run). The load is
 * made cheaply, as it shares the machine with what it measures: each sender does its own blocking
 * I/O on a kept-alive connection, and only products with sales awaiting confirmation are looked at.
 */
final class FlowLoad {

  static final Duration QUIESCENCE = Duration.ofSeconds(60);

  /** What the run measured. */
  record Result(int sales, double webhooksPerSecond, long p50Millis, long p99Millis, long maxMillis, int unconfirmed,
      long lostSales, double setCallsPerSale, int rejected, CpuPerSale cpu) {}

  /**
   * CPU milliseconds per accepted sale from the first measured webhook until every sale showed:
   * this JVM's (the service with the senders and simulators it hosts) and the embedded database's;
   * {@code null} where it cannot be read (a JVM without the process CPU time, a database that is
   * not embedded, no {@code /proc}).
   */
  record CpuPerSale(Double jvm, Double database) {}

  private record Pending(int expected, long acceptedNanos) {}

  /** One product of one tenant, whose accepted sales await confirmation in the order they were accepted. */
  private record Watched(BenchTenants.Tenant tenant, int product) {}

  private final BenchTenants api;
  private final List<BenchTenants.Tenant> tenants;
  private final ChannelSimulator delivery;
  private final ChannelSimulator till;
  private final ChannelSimulator shop;
  private final int rate;
  private final int seconds;
  private final int warmupSeconds;
  private final int senders;
  private final DatabaseCpu databaseCpu;
  private final Map<Watched, Queue<Pending>> pending = new ConcurrentHashMap<>();
  private final List<Long> latencies = new ArrayList<>();
  private final AtomicInteger rejected = new AtomicInteger();

  FlowLoad(BenchTenants api, List<BenchTenants.Tenant> tenants, ChannelSimulator delivery, ChannelSimulator till, ChannelSimulator shop,
      int rate, int seconds, int warmupSeconds, int senders, DatabaseCpu databaseCpu) {
    this.api = api;
    this.tenants = tenants;
    this.delivery = delivery;
    this.till = till;
    this.shop = shop;
    this.rate = rate;
    this.seconds = seconds;
    this.warmupSeconds = warmupSeconds;
    this.senders = senders;
    this.databaseCpu = databaseCpu;
  }

  Result run() throws Exception {
    awaitFirstPushes();
    int products = tenants.get(0).products().size();
    AtomicIntegerArray stock = new AtomicIntegerArray(tenants.size() * products);
    for (int i = 0; i < stock.length(); i++) {
      stock.set(i, BenchTenants.INITIAL_STOCK);
    }
    Thread watcher = new Thread(this::confirmLoop, "bench-confirm");
    watcher.setDaemon(true);
    watcher.start();
    if (warmupSeconds > 0) {
      // The same load first, unmeasured, so the figures are of a warmed-up service (JIT, pools);
      // its sales still count when lost sales are added up.
      send(warmupSeconds, stock, new AtomicInteger());
      awaitConfirmed();
      synchronized (latencies) {
        latencies.clear();
      }
    }
    long setCallsBefore = till.setCalls() + shop.setCalls() + delivery.setCalls();
    int rejectedBefore = rejected.get();
    AtomicInteger accepted = new AtomicInteger();
    long jvmCpuBefore = BenchCpu.processCpuNanos();
    OptionalLong databaseCpuBefore = databaseCpu.nanos();
    double elapsed = send(seconds, stock, accepted);
    awaitConfirmed();
    CpuPerSale cpu = cpuPerSale(accepted.get(), jvmCpuBefore, databaseCpuBefore);
    watcher.interrupt();
    long lost = lostSales(stock, products);
    long setCalls = till.setCalls() + shop.setCalls() + delivery.setCalls() - setCallsBefore;
    long[] sorted;
    synchronized (latencies) {
      sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }
    return new Result(accepted.get(), accepted.get() / elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1], unconfirmed(), lost,
        accepted.get() == 0 ? 0 : (double) setCalls / accepted.get(), rejected.get() - rejectedBefore, cpu);
  }

  private CpuPerSale cpuPerSale(int sales, long jvmBefore, OptionalLong databaseBefore) {
    OptionalLong databaseAfter = databaseCpu.nanos();
    long jvmAfter = BenchCpu.processCpuNanos();
    Double jvm = jvmBefore >= 0 && jvmAfter >= 0 ? perSale(jvmAfter - jvmBefore, sales) : null;
    Double database = databaseBefore.isPresent() && databaseAfter.isPresent()
        ? perSale(databaseAfter.getAsLong() - databaseBefore.getAsLong(), sales) : null;
    return new CpuPerSale(jvm, database);
  }

  private static Double perSale(long nanos, int sales) {
    return sales == 0 ? null : Math.round(nanos / 1e6 / sales * 1000) / 1000.0;
  }

  /** Sends {@code rate} sales a second for {@code duration} seconds; the seconds it took until all were answered. */
  private double send(int duration, AtomicIntegerArray stock, AtomicInteger accepted) throws InterruptedException {
    int products = tenants.get(0).products().size();
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    int total = rate * duration;
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
    return (System.nanoTime() - start) / 1e9;
  }

  private void awaitConfirmed() throws InterruptedException {
    long deadline = System.nanoTime() + QUIESCENCE.toNanos();
    while (unconfirmed() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  private void sell(BenchTenants.Tenant tenant, int product, AtomicIntegerArray stock, AtomicInteger accepted) {
    String item = tenant.deliveryItem(product);
    delivery.sale(item, 1);
    OutgoingWebhook webhook = delivery.webhookFor(item, 1, tenant.deliveryWebhook(), tenant.deliverySecret());
    int index = tenant.index() * tenant.products().size() + product;
    int expected = stock.decrementAndGet(index);
    try {
      int status = post(tenant, webhook);
      if (status == 200) {
        accepted.incrementAndGet();
        Queue<Pending> sales = pending.computeIfAbsent(new Watched(tenant, product), k -> new ArrayDeque<>());
        synchronized (sales) {
          sales.add(new Pending(expected, System.nanoTime()));
        }
      } else {
        rejected.incrementAndGet();
        stock.incrementAndGet(index);
      }
    } catch (IOException unreachable) {
      rejected.incrementAndGet();
      stock.incrementAndGet(index);
    }
  }

  /** One webhook over a kept-alive connection (the JDK pools them per host), answered in this thread. */
  private static int post(BenchTenants.Tenant tenant, OutgoingWebhook webhook) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) tenant.deliveryWebhook().toURL().openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setFixedLengthStreamingMode(webhook.body().length);
    webhook.headers().forEach(connection::setRequestProperty);
    try (OutputStream out = connection.getOutputStream()) {
      out.write(webhook.body());
    }
    int status = connection.getResponseCode();
    try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
      if (in != null) {
        in.readAllBytes(); // read to the end, so the connection goes back to the pool
      }
    }
    return status;
  }

  /** Confirms, for each product with sales awaiting it, every sale both channels now show. */
  private void confirmLoop() {
    while (!Thread.currentThread().isInterrupted()) {
      long now = System.nanoTime();
      pending.forEach((watched, sales) -> {
        synchronized (sales) {
          if (sales.isEmpty()) {
            return;
          }
        }
        int shown = Math.max(level(till, watched.tenant().tillItem(watched.product())),
            level(shop, watched.tenant().shopItem(watched.product())));
        List<Long> confirmed = new ArrayList<>();
        synchronized (sales) {
          sales.removeIf(sale -> {
            if (sale.expected() < shown) {
              return false;
            }
            confirmed.add(TimeUnit.NANOSECONDS.toMillis(now - sale.acceptedNanos()));
            return true;
          });
        }
        if (!confirmed.isEmpty()) {
          synchronized (latencies) {
            latencies.addAll(confirmed);
          }
        }
      });
      LockSupport.parkNanos(2_000_000);
    }
  }

  private int unconfirmed() {
    int count = 0;
    for (Queue<Pending> sales : pending.values()) {
      synchronized (sales) {
        count += sales.size();
      }
    }
    return count;
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
