package ai.stockclerk.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Webhooks answered, by HTTP status ({@code stockclerk.webhooks}). Webhook requests are left out of
 * the per-request observation ({@code http.server.requests}): at hundreds a second its start and
 * stop cost more than the servlet's own routing, and a count by status is what an operator reads.
 */
final class WebhookOutcomes {

  static final String METER = "stockclerk.webhooks";

  private final MeterRegistry registry;
  private final Map<Integer, Counter> byStatus = new ConcurrentHashMap<>();

  WebhookOutcomes(MeterRegistry registry) {
    this.registry = registry;
  }

  void answered(int status) {
    byStatus.computeIfAbsent(status, code -> Counter.builder(METER)
        .description("Webhooks answered, by HTTP status")
        .tag("status", Integer.toString(code))
        .register(registry)).increment();
  }
}
