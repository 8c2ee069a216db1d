package ai.stockclerk.cli;

import ai.stockclerk.StockClerkApplication;
import ai.stockclerk.store.EmbeddedPostgresStartup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the service until it is stopped (Ctrl-C or SIGTERM shut it down gracefully). */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the StockClerk service.")
public class ServeCommand implements Callable<Integer> {

  @Option(names = "--port", description = "HTTP port (default 8080, or SERVER_PORT).")
  Integer port;

  @Option(names = "--data-dir", description = "Where embedded mode keeps its data (default ./data).")
  Path dataDir;

  @Option(names = "--json", description = "Print one JSON object with the service URL once it serves.")
  boolean json;

  @Override
  public Integer call() {
    ConfigurableApplicationContext context = start(port, dataDir, List.of());
    if (json) {
      JsonOutput.print(Map.of("url", baseUrl(context), "status", "serving"));
    }
    return 0;
  }

  /**
   * Starts the service. Settings given on the command line outrank the environment and the
   * defaults; in embedded mode the database starts at once, alongside the context.
   */
  static ConfigurableApplicationContext start(Integer port, Path dataDir, List<String> extraArgs) {
    List<String> args = new ArrayList<>(extraArgs);
    if (port != null) {
      args.add("--server.port=" + port);
    }
    Path effectiveDataDir = dataDir != null ? dataDir.toAbsolutePath() : configuredDataDir();
    args.add("--stockclerk.data-dir=" + effectiveDataDir);
    SpringApplication application = new SpringApplication(StockClerkApplication.class);
    if (!externalDatabaseConfigured()) {
      EmbeddedPostgresStartup early = EmbeddedPostgresStartup.begin(effectiveDataDir);
      application.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("embeddedPostgresStartup", early));
    }
    return application.run(args.toArray(String[]::new));
  }

  static String baseUrl(ConfigurableApplicationContext context) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return "http://localhost:" + port;
  }

  private static Path configuredDataDir() {
    String configured = firstNonBlank(System.getProperty("stockclerk.data-dir"), System.getenv("STOCKCLERK_DATA_DIR"));
    return Path.of(configured == null ? "data" : configured).toAbsolutePath();
  }

  private static boolean externalDatabaseConfigured() {
    return firstNonBlank(System.getProperty("stockclerk.database.url"), System.getenv("STOCKCLERK_DATABASE_URL"))
        != null;
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    return b != null && !b.isBlank() ? b : null;
  }
}
