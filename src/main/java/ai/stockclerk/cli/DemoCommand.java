package ai.stockclerk.cli;

import ai.stockclerk.demo.Demo;
import ai.stockclerk.demo.DemoSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The README's first command: the service in embedded mode with Demo Bakery, three simulated
 * channels and gentle traffic, printing a summary line every few seconds until Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run StockClerk with a demo bakery, three simulated channels and live traffic.")
public class DemoCommand implements Callable<Integer> {

  @Option(names = "--port", description = "HTTP port (default 8080).")
  Integer port;

  @Option(names = "--data-dir", description = "Where the demo keeps its data (default ./data); a second run resumes.")
  Path dataDir;

  @Override
  public Integer call() throws InterruptedException {
    DemoSettings settings = DemoSettings.gentle();
    Running running = launch(port, dataDir, settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      running.close();
      stopped.countDown();
    }, "demo-shutdown"));
    System.out.println();
    System.out.println("StockClerk demo is running at " + running.demo().url());
    System.out.println("  sign in as " + DemoSettings.EMAIL + " / " + DemoSettings.PASSWORD);
    System.out.println("  try: " + running.demo().url() + "/swagger-ui.html   (Ctrl-C stops, running again resumes)");
    while (!stopped.await(settings.summaryEvery().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      try {
        System.out.println(running.demo().figures().line());
      } catch (RuntimeException notNow) {
        System.out.println("(summary unavailable: " + notNow.getClass().getSimpleName() + ")");
      }
    }
    return 0;
  }

  /** The service and the demo on it, stopped together. */
  public record Running(ConfigurableApplicationContext context, Demo demo) implements AutoCloseable {
    @Override
    public void close() {
      demo.close();
      context.close();
    }
  }

  /** Starts the service in embedded mode with the demo's settings, then the demo on it. */
  public static Running launch(Integer port, Path dataDir, DemoSettings settings) {
    List<String> demoArgs = List.of(
        "--stockclerk.channels.allow-api-base-url-override=true",
        "--stockclerk.guardian.interval=" + settings.guardianInterval().toMillis() + "ms",
        "--stockclerk.guardian.tick=" + Math.max(200, settings.guardianInterval().toMillis() / 20) + "ms");
    ConfigurableApplicationContext context = ServeCommand.start(port, dataDir, demoArgs);
    try {
      return new Running(context, Demo.start(ServeCommand.baseUrl(context), settings));
    } catch (RuntimeException failed) {
      context.close();
      throw failed;
    }
  }
}
