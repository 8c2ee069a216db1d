package ai.stockclerk.demo;

import ai.stockclerk.channels.simulator.ChannelSimulator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bakery's day: sales on all three channels through the simulators' {@code /_sim/sales} (which
 * send the vendors' signed webhooks to the service), a restock when something runs low, and now and
 * then someone editing a level by hand in a vendor's back office, which no webhook reports.
 */
final class DemoTraffic implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);
  static final int LARGE_DRIFT = 12;
  static final int RESTOCK_BELOW = 6;

  private final DemoApi api;
  private final DemoSeed.Seeded seeded;
  private final List<ChannelSimulator> channels;
  private final DemoSettings settings;
  private final Random random = new Random();
  private final List<DemoCatalogue.Item> items = DemoCatalogue.items();
  private final AtomicLong salesSent = new AtomicLong();
  private final AtomicLong edits = new AtomicLong();
  private ScheduledExecutorService loop;

  DemoTraffic(DemoApi api, DemoSeed.Seeded seeded, List<ChannelSimulator> channels, DemoSettings settings) {
    this.api = api;
    this.seeded = seeded;
    this.channels = channels;
    this.settings = settings;
  }

  void start() {
    loop = Executors.newScheduledThreadPool(2, r -> {
      Thread thread = new Thread(r, "demo-traffic");
      thread.setDaemon(true);
      return thread;
    });
    every(settings.saleEvery().toMillis(), this::sale);
    every(settings.driftEvery().toMillis(), this::manualEdit);
    every(settings.saleEvery().toMillis() * 10, this::restock);
  }

  long salesSent() {
    return salesSent.get();
  }

  private void sale() {
    DemoCatalogue.Item item = items.get(random.nextInt(items.size()));
    int channel = random.nextInt(3);
    ChannelSimulator simulator = channels.get(channel);
    String externalId = externalId(item, channel);
    if (simulator.item(externalId).map(i -> i.level() < 1).orElse(true)) {
      return;
    }
    DemoApi.Reply sold = api.post(simulator.baseUrl() + "/_sim/sales", Map.of("externalId", externalId, "quantity", 1));
    if (sold.ok() && sold.body().path("webhookStatus").asInt() == 200) {
      salesSent.incrementAndGet();
    }
  }

  /** Small edits Guardian repairs alone; every n-th one is large enough to need a person. */
  private void manualEdit() {
    DemoCatalogue.Item item = items.get(random.nextInt(items.size()));
    boolean large = edits.incrementAndGet() % settings.largeDriftEach() == 0;
    int channel = large ? 1 : random.nextInt(2);
    ChannelSimulator simulator = channels.get(channel);
    String externalId = externalId(item, channel);
    simulator.item(externalId).ifPresent(current -> {
      int change = large ? LARGE_DRIFT : (1 + random.nextInt(3)) * (random.nextBoolean() ? 1 : -1);
      api.put(simulator.baseUrl() + "/_sim/items/" + externalId, Map.of("level", Math.max(0, current.level() + change)));
    });
  }

  private void restock() {
    api.get("/api/v1/products?size=200").body().path("items").forEach(product -> {
      if (product.path("stock").asInt() < RESTOCK_BELOW) {
        api.post("/api/v1/products/" + UUID.fromString(product.path("id").asString()) + "/stock",
            Map.of("delta", 24, "kind", "restock", "reason", "fresh bake"));
      }
    });
  }

  private static String externalId(DemoCatalogue.Item item, int channel) {
    return switch (channel) {
      case 0 -> item.tillId();
      case 1 -> item.shopId();
      default -> item.deliveryId();
    };
  }

  private void every(long millis, Runnable task) {
    loop.scheduleWithFixedDelay(() -> {
      try {
        task.run();
      } catch (RuntimeException failure) {
        LOG.debug("demo traffic step failed; it goes on", failure);
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    if (loop != null) {
      loop.shutdownNow();
    }
  }

}
