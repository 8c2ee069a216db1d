package ai.stockclerk.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * A job to enqueue. The payload is opaque to the engine. A coalescing key makes repeated requests
 * for the same thing collapse: while queued the latest payload wins, while running one more run is
 * scheduled after it finishes.
 */
public record JobRequest(String tenant, JobKind kind, String payload, Duration delay, String coalescingKey) {

  public JobRequest {
    TenantIds.check(tenant);
    Objects.requireNonNull(kind, "kind");
    payload = payload == null ? "" : payload;
    delay = delay == null || delay.isNegative() ? Duration.ZERO : delay;
    if (coalescingKey != null && coalescingKey.isEmpty()) {
      coalescingKey = null;
    }
  }

  public static JobRequest of(String tenant, JobKind kind, String payload) {
    return new JobRequest(tenant, kind, payload, Duration.ZERO, null);
  }

  public JobRequest delayedBy(Duration by) {
    return new JobRequest(tenant, kind, payload, by, coalescingKey);
  }

  public JobRequest coalescedBy(String key) {
    return new JobRequest(tenant, kind, payload, delay, key);
  }
}
