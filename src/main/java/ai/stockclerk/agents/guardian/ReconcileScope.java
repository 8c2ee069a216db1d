package ai.stockclerk.agents.guardian;

import java.util.UUID;

/** What one run covers: the whole tenant, one channel, one product, or one product on one channel. */
public record ReconcileScope(UUID channelId, UUID productId) {

  public static final ReconcileScope WHOLE_TENANT = new ReconcileScope(null, null);

  public static ReconcileScope channel(UUID channelId) {
    return new ReconcileScope(channelId, null);
  }

  public static ReconcileScope product(UUID productId) {
    return new ReconcileScope(null, productId);
  }
}
