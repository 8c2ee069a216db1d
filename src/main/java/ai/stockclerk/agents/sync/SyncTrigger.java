package ai.stockclerk.agents.sync;

import ai.stockclerk.engine.Engine;
import ai.stockclerk.engine.JobKind;
import ai.stockclerk.engine.JobRequest;
import ai.stockclerk.engine.QueueFullException;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Asks for a push to one channel. One coalescing key per (tenant, channel): any number of requests
 * while a push is queued become that one push; requests while it runs become one more run after it.
 * Losing a request is harmless: the dirty flags in the database are the truth, and a sweep finds them.
 */
@Component
public class SyncTrigger {

  private static final Logger LOG = LoggerFactory.getLogger(SyncTrigger.class);

  private final ObjectProvider<Engine> engine;

  SyncTrigger(ObjectProvider<Engine> engine) {
    this.engine = engine;
  }

  public void request(UUID tenant, UUID channelId) {
    enqueue(JobRequest.of(tenant.toString(), JobKind.SYNC, channelId.toString()).coalescedBy("sync:" + channelId));
  }

  /** A push after {@code delay}, under its own key so it stays queued while the current run finishes. */
  public void later(UUID tenant, UUID channelId, Duration delay) {
    enqueue(JobRequest.of(tenant.toString(), JobKind.SYNC, channelId.toString())
        .coalescedBy("sync-later:" + channelId).delayedBy(delay));
  }

  private void enqueue(JobRequest request) {
    try {
      engine.getObject().enqueue(request);
    } catch (QueueFullException | IllegalStateException full) {
      LOG.warn("sync request for tenant {} not queued ({}); the dirty sweep will pick it up", request.tenant(),
          full.getMessage());
    }
  }
}
