package ai.stockclerk.cli;

import ai.stockclerk.StockClerkApplication;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
    ConfigurableApplicationContext context = start(properties(), new String[0]);
    if (json) {
      JsonOutput.print(Map.of("url", baseUrl(context), "status", "serving"));
    }
    return 0;
  }

  Map<String, Object> properties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    if (port != null) {
      properties.put("server.port", port);
    }
    if (dataDir != null) {
      properties.put("stockclerk.data-dir", dataDir.toAbsolutePath().toString());
    }
    return properties;
  }

  static ConfigurableApplicationContext start(Map<String, Object> properties, String[] args) {
    SpringApplication application = new SpringApplication(StockClerkApplication.class);
    application.setDefaultProperties(properties);
    return application.run(args);
  }

  static String baseUrl(ConfigurableApplicationContext context) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return "http://localhost:" + port;
  }
}
