package ai.stockclerk.cli.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a sale's time went, from the service's own meters: queue wait and run time of the Watcher
 * (webhook) and Sync jobs, and the wait for a pooled database connection. Means and maxima over
 * the whole run, in milliseconds.
 */
final class FlowStages {

  private FlowStages() {}

  static Map<String, Object> of(MeterRegistry registry) {
    Map<String, Object> stages = new LinkedHashMap<>();
    for (String kind : new String[] {"webhook", "sync"}) {
      stages.put(kind + "_wait", figures(registry.find("stockclerk.engine.jobs.wait").tag("kind", kind).timer()));
      stages.put(kind + "_run", figures(registry.find("stockclerk.engine.jobs.run").tag("kind", kind)
          .tag("outcome", "ok").timer()));
    }
    stages.put("db_connection_wait", figures(registry.find("hikaricp.connections.acquire").timer()));
    return stages;
  }

  private static Map<String, Object> figures(Timer timer) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (timer == null) {
      return out;
    }
    out.put("count", timer.count());
    out.put("mean_ms", Math.round(timer.mean(TimeUnit.MICROSECONDS)) / 1000.0);
    out.put("max_ms", Math.round(timer.max(TimeUnit.MICROSECONDS)) / 1000.0);
    return out;
  }
}
