package ai.stockclerk.demo;

import ai.stockclerk.channels.simulator.ChannelSimulator;
import ai.stockclerk.channels.simulator.DeliverooDialect;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * The one-command demo, once the service runs: three in-process simulators (a Square till, a
 * Shopify web shop, a Deliveroo delivery app) connected to Demo Bakery, and traffic on them.
 * Closing it stops the traffic and the simulators; the service is the caller's to stop.
 */
public final class Demo implements AutoCloseable {

  private final String url;
  private final DemoApi api;
  private final List<ChannelSimulator> simulators;
  private final DemoTraffic traffic;
  private final Set<String> countedRuns = new HashSet<>();
  private final AtomicLong repaired = new AtomicLong();
  private final AtomicLong flagged = new AtomicLong();

  private Demo(String url, DemoApi api, List<ChannelSimulator> simulators, DemoTraffic traffic) {
    this.url = url;
    this.api = api;
    this.simulators = simulators;
    this.traffic = traffic;
  }

  /** Seeds (or finds) Demo Bakery in the service at {@code url} and starts the traffic. */
  public static Demo start(String url, DemoSettings settings) {
    ChannelSimulator till = ChannelSimulator.start("square", 0, null, null);
    ChannelSimulator shop = ChannelSimulator.start("shopify", 0, null, null);
    ChannelSimulator delivery = ChannelSimulator.start(new DeliverooDialect(), 0, null, null);
    List<ChannelSimulator> simulators = List.of(till, shop, delivery);
    try {
      DemoApi api = new DemoApi(url);
      DemoSeed.Seeded seeded = new DemoSeed(api, url).run(till, shop, delivery);
      DemoTraffic traffic = new DemoTraffic(api, seeded, simulators, settings);
      traffic.start();
      return new Demo(url, api, simulators, traffic);
    } catch (RuntimeException failed) {
      simulators.forEach(ChannelSimulator::close);
      throw failed;
    }
  }

  public String url() {
    return url;
  }

  /** Reads the figures through the API (and the simulators' own push counts). */
  public synchronized DemoFigures figures() {
    JsonNode runs = api.get("/api/v1/sync/reconcile/runs?size=200").body().path("items");
    for (JsonNode run : runs) {
      if (countedRuns.add(run.path("id").asString())) {
        repaired.addAndGet(run.path("driftRepaired").asLong());
        flagged.addAndGet(run.path("driftFlagged").asLong());
      }
    }
    long movements = api.get("/api/v1/movements?size=1").body().path("total").asLong();
    long alerts = api.get("/api/v1/alerts?status=open&size=1").body().path("total").asLong();
    long pushes = simulators.stream().mapToLong(ChannelSimulator::setCalls).sum();
    return new DemoFigures(traffic.salesSent(), movements, pushes, repaired.get(), flagged.get(), alerts);
  }

  @Override
  public void close() {
    traffic.close();
    simulators.forEach(ChannelSimulator::close);
  }
}
