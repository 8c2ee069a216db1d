package ai.stockclerk.cli.bench;

import ai.stockclerk.StockClerkApplication;
import ai.stockclerk.channels.simulator.ChannelSimulator;
import ai.stockclerk.channels.simulator.DeliverooDialect;
import ai.stockclerk.cli.JsonOutput;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the service in-process (embedded PostgreSQL unless STOCKCLERK_DATABASE_URL is set), connects
 * many tenants to in-process simulators (a Square till, a Shopify shop, a Deliveroo app each), sends
 * signed Deliveroo order webhooks over HTTP at a fixed rate, and measures how fast every other
 * channel shows each sale, and whether any sale was lost.
 */
@Command(name = "flow", mixinStandardHelpOptions = true,
    description = "Sale-to-every-channel benchmark: webhooks/s, sale-to-channels latency, lost sales.")
public class FlowBenchCommand implements Callable<Integer> {

  @Option(names = "--tenants", defaultValue = "100", description = "Tenants, each with 3 channels (default ${DEFAULT-VALUE}).")
  int tenants;

  @Option(names = "--products", defaultValue = "5", description = "Products per tenant (default ${DEFAULT-VALUE}).")
  int products;

  @Option(names = "--rate", defaultValue = "500", description = "Sales (webhooks) per second, all tenants (default ${DEFAULT-VALUE}).")
  int rate;

  @Option(names = "--seconds", defaultValue = "30", description = "How long to send (default ${DEFAULT-VALUE}).")
  int seconds;

  // A minute: on two cores the JIT compiles this much code for about that long under this load
  // (C2 at 25-60 % of a core through the first minute), and the floor is about sustained load.
  @Option(names = "--warmup", defaultValue = "60",
      description = "Seconds of the same load sent first and not measured (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--senders", defaultValue = "64", description = "Concurrent webhook senders (default ${DEFAULT-VALUE}).")
  int senders;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    // Every sender keeps its connection to the service (the JDK keeps 5 per host unless told).
    System.setProperty("http.maxConnections", Integer.toString(Math.max(5, senders)));
    // Declared first, so it is deleted after the service (and its embedded database) stopped.
    try (BenchDataDir dataDir = BenchDataDir.create("stockclerk-bench-flow");
        ChannelSimulator till = ChannelSimulator.start("square", 0, null, null);
        ChannelSimulator shop = ChannelSimulator.start("shopify", 0, null, null);
        ChannelSimulator delivery = ChannelSimulator.start(new DeliverooDialect(), 0, null, null);
        ConfigurableApplicationContext service = start(dataDir.path())) {
      String baseUrl = "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort();
      BenchTenants setup = new BenchTenants(baseUrl, till, shop, delivery, products);
      List<BenchTenants.Tenant> connected = setup.connect(tenants);
      FlowLoad load = new FlowLoad(setup, connected, delivery, till, shop, rate, seconds, warmup, senders,
          DatabaseCpu.ofServiceDataDir(dataDir.path()));
      FlowLoad.Result result = load.run();
      print(result, FlowStages.of(service.getBean(MeterRegistry.class)));
      return result.lostSales() == 0 ? 0 : 1;
    }
  }

  private void print(FlowLoad.Result result, Map<String, Object> stages) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("benchmark", "flow");
    out.put("tenants", tenants);
    out.put("products_per_tenant", products);
    out.put("target_rate", rate);
    out.put("seconds", seconds);
    out.put("warmup_seconds", warmup);
    out.put("sales", result.sales());
    out.put("webhooks_per_s", Math.round(result.webhooksPerSecond() * 10) / 10.0);
    out.put("p50_ms", result.p50Millis());
    out.put("p99_ms", result.p99Millis());
    out.put("max_ms", result.maxMillis());
    out.put("unconfirmed", result.unconfirmed());
    out.put("lost_sales", result.lostSales());
    out.put("set_calls_per_sale", Math.round(result.setCallsPerSale() * 1000) / 1000.0);
    out.put("rejected_webhooks", result.rejected());
    Map<String, Object> cpu = new LinkedHashMap<>();
    cpu.put("jvm", result.cpu().jvm());
    cpu.put("database", result.cpu().database());
    out.put("cpu_ms_per_sale", cpu);
    out.put("stages", stages);
    if (json) {
      JsonOutput.print(out);
    } else {
      out.forEach((k, v) -> System.out.println(k + ": " + v));
    }
  }

  private static ConfigurableApplicationContext start(Path dataDir) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        "--stockclerk.data-dir=" + dataDir,
        "--stockclerk.security.bcrypt-strength=4",
        "--stockclerk.channels.allow-api-base-url-override=true",
        // Guardian has its own benchmark; here every tenant shares three simulators, so its runs
        // would list every other tenant's items as unmatched, which no real shop sees.
        "--stockclerk.guardian.enabled=false",
        "--logging.level.root=WARN",
        "--logging.level.ai.stockclerk=WARN"));
    if (blank("stockclerk.security.jwt-secret", "STOCKCLERK_SECURITY_JWT_SECRET")) {
      args.add("--stockclerk.security.jwt-secret=" + random32());
    }
    if (blank("stockclerk.security.encryption-key", "STOCKCLERK_SECURITY_ENCRYPTION_KEY")) {
      args.add("--stockclerk.security.encryption-key=" + random32());
    }
    return new SpringApplication(StockClerkApplication.class).run(args.toArray(String[]::new));
  }

  private static boolean blank(String property, String env) {
    String value = System.getProperty(property, System.getenv(env));
    return value == null || value.isBlank();
  }

  private static String random32() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
