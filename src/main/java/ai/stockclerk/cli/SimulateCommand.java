package ai.stockclerk.cli;

import ai.stockclerk.channels.simulator.ChannelSimulator;
import ai.stockclerk.channels.simulator.SimulatorDialects;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs a channel simulator until killed: a fake Shopify, WooCommerce or Square for demos and tests. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Serve a simulated sales channel that speaks a vendor's API (control API under /_sim).")
public class SimulateCommand implements Callable<Integer> {

  @Option(names = "--vendor", required = true, description = "Vendor to simulate: ${COMPLETION-CANDIDATES}.",
      completionCandidates = VendorNames.class)
  String vendor;

  @Option(names = "--port", defaultValue = "0", description = "Port to listen on (0 picks a free one).")
  int port;

  @Option(names = "--webhook-target", description = "URL the simulated vendor sends its webhooks to.")
  URI webhookTarget;

  @Option(names = "--webhook-secret", description = "Secret the webhooks are signed with.")
  String webhookSecret;

  @Option(names = "--json", description = "Print one JSON object with the simulator's URL once it listens.")
  boolean json;

  @Override
  public Integer call() throws InterruptedException {
    if (SimulatorDialects.named(vendor).isEmpty()) {
      System.err.println("unknown vendor '" + vendor + "'; known: " + SimulatorDialects.names());
      return 2;
    }
    ChannelSimulator simulator = ChannelSimulator.start(vendor, port, webhookTarget, webhookSecret);
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "simulator-shutdown"));
    Map<String, Object> listening = new LinkedHashMap<>();
    listening.put("vendor", simulator.vendor());
    listening.put("port", simulator.port());
    listening.put("url", simulator.baseUrl().toString());
    if (json) {
      JsonOutput.print(listening);
    } else {
      System.err.println("simulating " + simulator.vendor() + " at " + simulator.baseUrl() + " (control API under /_sim)");
    }
    new CountDownLatch(1).await();
    return 0;
  }

  /** The vendor names for help and completion. */
  static final class VendorNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return SimulatorDialects.names().iterator();
    }
  }
}
