package ai.stockclerk.cli.bench;

import ai.stockclerk.StockClerkApplication;
import ai.stockclerk.agents.guardian.Guardian;
import ai.stockclerk.agents.guardian.ReconcileScope;
import ai.stockclerk.agents.guardian.RunTrigger;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.simulator.ChannelSimulator;
import ai.stockclerk.channels.simulator.DeliverooDialect;
import ai.stockclerk.cli.JsonOutput;
import ai.stockclerk.store.EmbeddedPostgresStartup;
import ai.stockclerk.store.GuardianRunRecord;
import ai.stockclerk.store.Tenancy;
import ai.stockclerk.tenants.Accounts;
import ai.stockclerk.tenants.ChannelSetup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Guardian at scale: N tenants × P products × C channels, each channel its own in-process simulator
 * reached over HTTP by the real connector, the levels read from the real (embedded) PostgreSQL.
 * Seeding is not timed; the figure is the wall time of reconciling every tenant once.
 */
@Command(name = "guardian", mixinStandardHelpOptions = true,
    description = "Reconcile many tenants against in-process simulators and report checks per second.")
public class GuardianBenchCommand implements Callable<Integer> {

  private static final List<String> VENDORS = List.of("square", "shopify", "deliveroo");

  @Option(names = "--tenants", defaultValue = "200") int tenants;
  @Option(names = "--products", defaultValue = "200") int products;
  @Option(names = "--channels", defaultValue = "3", description = "1 to 3: Square, Shopify, Deliveroo.") int channels;
  @Option(names = "--workers", defaultValue = "8",
      description = "Tenants reconciled at once (default: stockclerk.guardian.workers).") int workers;
  @Option(names = "--drift-per-channel", defaultValue = "1", description = "Items edited by hand on each channel.")
  int driftPerChannel;
  @Option(names = "--json") boolean json;

  @Override
  public Integer call() throws Exception {
    if (tenants < 1 || products < 1 || channels < 1 || channels > VENDORS.size() || workers < 1) {
      System.err.println("need --tenants >= 1, --products >= 1, 1 <= --channels <= 3, --workers >= 1");
      return 2;
    }
    BenchLogging.toStderr();
    List<ChannelSimulator> simulators = new ArrayList<>();
    try (BenchDataDir dataDir = BenchDataDir.create("stockclerk-bench-guardian");
        ConfigurableApplicationContext context = start(dataDir.path())) {
      List<UUID> tenantIds = seed(context, simulators);
      awaitCredentialChecks(context, tenantIds);
      Guardian guardian = context.getBean(Guardian.class);
      guardian.reconcile(tenantIds.get(0), ReconcileScope.WHOLE_TENANT, RunTrigger.MANUAL);
      long started = System.nanoTime();
      List<GuardianRunRecord> runs = reconcileAll(guardian, tenantIds);
      double seconds = (System.nanoTime() - started) / 1e9;
      report(runs, seconds);
    } finally {
      simulators.forEach(ChannelSimulator::close);
    }
    return 0;
  }

  private List<GuardianRunRecord> reconcileAll(Guardian guardian, List<UUID> tenantIds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<GuardianRunRecord>> futures = new ArrayList<>();
      for (UUID tenant : tenantIds) {
        futures.add(pool.submit(() -> guardian.reconcile(tenant, ReconcileScope.WHOLE_TENANT, RunTrigger.MANUAL)));
      }
      List<GuardianRunRecord> runs = new ArrayList<>();
      for (Future<GuardianRunRecord> future : futures) {
        runs.add(future.get());
      }
      return runs;
    } finally {
      pool.shutdownNow();
    }
  }

  private void report(List<GuardianRunRecord> runs, double seconds) {
    long checks = runs.stream().mapToLong(GuardianRunRecord::itemsChecked).sum();
    long[] durations = runs.stream().mapToLong(GuardianRunRecord::durationMs).sorted().toArray();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("checks", checks);
    out.put("seconds", Math.round(seconds * 1000) / 1000.0);
    out.put("checksPerSecond", Math.round(checks / seconds));
    out.put("tenants", tenants);
    out.put("products", products);
    out.put("channels", channels);
    out.put("workers", workers);
    out.put("driftRepaired", runs.stream().mapToLong(GuardianRunRecord::driftRepaired).sum());
    out.put("channelErrors", runs.stream().mapToLong(GuardianRunRecord::errors).sum());
    out.put("runMsP50", durations[durations.length / 2]);
    out.put("runMsP95", durations[(int) Math.min(durations.length - 1, Math.round(durations.length * 0.95))]);
    out.put("runMsMax", durations[durations.length - 1]);
    out.put("cpus", Runtime.getRuntime().availableProcessors());
    if (json) {
      JsonOutput.print(out);
    } else {
      out.forEach((name, value) -> System.out.println(name + ": " + value));
    }
  }

  private ConfigurableApplicationContext start(Path dataDir) {
    SpringApplication application = new SpringApplication(StockClerkApplication.class);
    EmbeddedPostgresStartup early = EmbeddedPostgresStartup.begin(dataDir);
    application.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("embeddedPostgresStartup", early));
    return application.run("--server.port=0", "--stockclerk.data-dir=" + dataDir,
        "--stockclerk.guardian.enabled=false", "--stockclerk.channels.allow-api-base-url-override=true",
        "--stockclerk.security.bcrypt-strength=4", "--stockclerk.database.pool-size=" + (workers + 8),
        "--logging.level.root=WARN");
  }

  /** Tenants, channels (one simulator each), products and mappings, written in bulk; not timed. */
  private List<UUID> seed(ConfigurableApplicationContext context, List<ChannelSimulator> simulators) {
    Accounts accounts = context.getBean(Accounts.class);
    ChannelSetup setup = context.getBean(ChannelSetup.class);
    Tenancy tenancy = context.getBean(Tenancy.class);
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    List<UUID> ids = new ArrayList<>();
    for (int t = 0; t < tenants; t++) {
      UUID tenant = accounts.register("Bench tenant " + t, "bench-" + t + "-" + UUID.randomUUID() + "@example.com",
          "bench-password", null).tenantId();
      ids.add(tenant);
      tenancy.runInTenant(tenant, () -> jdbc.sql("""
              INSERT INTO products (id, tenant_id, sku, name, stock, buffer_stock)
              SELECT gen_random_uuid(), ?, 'SKU-' || g, 'Product ' || g, 20 + g % 30, 2 FROM generate_series(1, ?) g""")
          .params(tenant, products).update());
      for (int c = 0; c < channels; c++) {
        String vendor = VENDORS.get(c);
        ChannelSimulator simulator = vendor.equals("deliveroo") ? ChannelSimulator.start(new DeliverooDialect(), 0,
            null, null) : ChannelSimulator.start(vendor, 0, null, null);
        simulators.add(simulator);
        UUID channel = setup.create(tenant, ChannelType.fromWireName(vendor).orElseThrow(), vendor + " " + t, null,
            credentials(vendor), settings(vendor, simulator)).channel().id();
        String prefix = vendor.equals("shopify") ? "" : vendor.substring(0, 2) + "-";
        tenancy.runInTenant(tenant, () -> jdbc.sql("""
                INSERT INTO channel_items (id, tenant_id, channel_id, product_id, external_id, dirty)
                SELECT gen_random_uuid(), p.tenant_id, ?, p.id, ? || substr(p.sku, 5), false
                FROM products p WHERE p.tenant_id = ?""")
            .params(channel, prefix, tenant).update());
        for (int n = 1; n <= products; n++) {
          int stock = 20 + n % 30;
          int shown = vendor.equals("square") ? stock : stock - 2;
          boolean drifted = n <= driftPerChannel;
          simulator.createItem(prefix + n, "SKU-" + n, drifted ? shown + 2 : shown);
        }
      }
    }
    return ids;
  }

  /** Channel creation checks credentials in the background; those calls must not overlap the timing. */
  private static void awaitCredentialChecks(ConfigurableApplicationContext context, List<UUID> tenantIds)
      throws InterruptedException {
    Tenancy tenancy = context.getBean(Tenancy.class);
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
    for (UUID tenant : tenantIds) {
      while (tenancy.inTenant(tenant, () -> jdbc.sql("SELECT count(*) FROM channels WHERE credentials_checked_at IS NULL")
          .query(Long.class).single()) > 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("credential checks of the seeded channels did not finish in 120 s");
        }
        Thread.sleep(50);
      }
    }
  }

  private static Map<String, String> credentials(String vendor) {
    return switch (vendor) {
      case "square" -> Map.of("accessToken", "EAAA-bench", "webhookSecret", "bench");
      case "shopify" -> Map.of("accessToken", "shpat_bench", "shopDomain", "bench.myshopify.com",
          "webhookSecret", "bench");
      default -> Map.of("clientId", "bench", "clientSecret", "bench", "webhookSecret", "bench");
    };
  }

  private static Map<String, Object> settings(String vendor, ChannelSimulator simulator) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("apiBaseUrl", simulator.baseUrl().toString());
    switch (vendor) {
      case "square" -> settings.put("locationId", "SIMLOC1");
      case "shopify" -> settings.put("locationId", "gid://shopify/Location/1001");
      default -> {
        settings.put("brandId", DeliverooDialect.BRAND_ID);
        settings.put("siteId", DeliverooDialect.SITE_ID);
        settings.put("menuId", DeliverooDialect.MENU_ID);
      }
    }
    return settings;
  }
}
