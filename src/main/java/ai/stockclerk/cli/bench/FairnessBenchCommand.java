package ai.stockclerk.cli.bench;

import ai.stockclerk.cli.JsonOutput;
import ai.stockclerk.engine.Engine;
import ai.stockclerk.engine.IsolationMode;
import ai.stockclerk.engine.JobKind;
import ai.stockclerk.engine.JobRequest;
import ai.stockclerk.engine.KindSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Noisy neighbour: quiet tenants enqueue one job a second each while one tenant enqueues a flood
 * at once; reports the quiet tenants' p99 wait (enqueue to start) without the flood, and with it
 * in per-tenant and in shared mode, on the same number of workers.
 */
@Command(name = "fairness", mixinStandardHelpOptions = true, description = "Quiet tenants' wait while one tenant floods.")
public class FairnessBenchCommand implements Callable<Integer> {

  private static final JobKind KIND = JobKind.WEBHOOK;

  @Option(names = "--quiet-tenants", defaultValue = "50")
  int quietTenants;

  @Option(names = "--flood", defaultValue = "100000", description = "Jobs the noisy tenant enqueues at once.")
  int flood;

  @Option(names = "--handler-ms", defaultValue = "1")
  int handlerMs;

  @Option(names = "--workers", defaultValue = "10", description = "Workers in every mode (the shared design's webhook pool).")
  int workers;

  @Option(names = "--baseline-seconds", defaultValue = "5")
  int baselineSeconds;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    BenchLogging.toStderr();
    run(IsolationMode.PER_TENANT, false); // warm-up: JIT and thread start-up, discarded
    Phase baseline = run(IsolationMode.PER_TENANT, false);
    Phase perTenant = run(IsolationMode.PER_TENANT, true);
    Phase shared = run(IsolationMode.SHARED, true);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("bench", "fairness");
    out.put("backend", "memory");
    out.put("handler_ms", handlerMs);
    out.put("workers", workers);
    out.put("quiet_tenants", quietTenants);
    out.put("flood_jobs", flood);
    out.put("baseline_quiet_p99_ms", baseline.quietP99Ms);
    out.put("per_tenant_quiet_p99_ms", perTenant.quietP99Ms);
    out.put("shared_quiet_p99_ms", shared.quietP99Ms);
    out.put("baseline_quiet_p50_ms", baseline.quietP50Ms);
    out.put("per_tenant_quiet_p50_ms", perTenant.quietP50Ms);
    out.put("shared_quiet_p50_ms", shared.quietP50Ms);
    out.put("per_tenant_quiet_jobs", perTenant.quietJobs);
    out.put("shared_quiet_jobs", shared.quietJobs);
    out.put("per_tenant_flood_drain_s", perTenant.floodSeconds);
    out.put("shared_flood_drain_s", shared.floodSeconds);
    out.put("per_tenant_within_floor", perTenant.quietP99Ms <= baseline.quietP99Ms + 2.0 * handlerMs);
    out.put("shared_starves", shared.quietP99Ms >= 10 * perTenant.quietP99Ms);
    out.put("load_average", BenchCpu.loadAverage());
    if (json) {
      JsonOutput.print(out);
    } else {
      out.forEach((key, value) -> System.out.println(key + ": " + value));
    }
    return 0;
  }

  private Phase run(IsolationMode mode, boolean withFlood) throws InterruptedException {
    LatencyRecorder quiet = new LatencyRecorder(1_000_000);
    AtomicInteger floodLeft = new AtomicInteger(withFlood ? flood : 0);
    long handlerNanos = handlerMs * 1_000_000L;
    Engine engine = Engine.builder().nodeName("fairness-" + mode.name().toLowerCase()).isolation(mode).build()
        .register(KIND, KindSettings.DEFAULT.fixedWorkers(workers), job -> {
          if (job.tenant().equals("noisy")) {
            floodLeft.decrementAndGet();
          } else {
            quiet.record((System.nanoTime() - Long.parseLong(job.payload())) / 1_000);
          }
          LockSupport.parkNanos(handlerNanos);
        })
        .start();
    try {
      long start = System.nanoTime();
      QuietTenants producers = new QuietTenants(engine, quietTenants);
      producers.start();
      if (withFlood) {
        List<JobRequest> burst = new ArrayList<>(flood);
        for (int i = 0; i < flood; i++) {
          burst.add(JobRequest.of("noisy", KIND, "0"));
        }
        engine.enqueueAll(burst);
        while (floodLeft.get() > 0) {
          Thread.sleep(50);
        }
      } else {
        Thread.sleep(baselineSeconds * 1000L);
      }
      producers.stop();
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Phase(quiet.percentileMillis(99), quiet.percentileMillis(50), quiet.count(),
          withFlood ? Math.round(seconds * 100) / 100.0 : 0);
    } finally {
      engine.close();
    }
  }

  private record Phase(double quietP99Ms, double quietP50Ms, int quietJobs, double floodSeconds) {}

  /** Each quiet tenant enqueues one job a second, the tenants spread evenly over the second. */
  private static final class QuietTenants {
    private final Engine engine;
    private final int tenants;
    private final Thread thread;
    private volatile boolean running = true;

    QuietTenants(Engine engine, int tenants) {
      this.engine = engine;
      this.tenants = tenants;
      this.thread = new Thread(this::run, "quiet-tenants");
    }

    void start() {
      thread.start();
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
    }

    private void run() {
      long interval = 1_000_000_000L / tenants;
      long next = System.nanoTime();
      for (long n = 0; running; n++) {
        LockSupport.parkNanos(next - System.nanoTime());
        engine.enqueue(JobRequest.of("quiet" + (n % tenants), KIND, Long.toString(System.nanoTime())));
        next += interval;
      }
    }
  }
}
