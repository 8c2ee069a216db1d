package ai.stockclerk.agents.alert;

/** Event topics the Alert agent listens to and publishes, with the payload fields each carries. */
public final class AlertTopics {

  /** {productId, sku, stock, delta, kind, sourceChannelId}: published by the Watcher after a change. */
  public static final String STOCK_CHANGED = "stock.changed";
  /** {channelId, failure, message, externalIds, givenUp}: published by Sync when a push fails. */
  public static final String SYNC_FAILED = "sync.failed";
  /** {channelId, status, detail}: status is connected, disconnected or error. */
  public static final String CHANNEL_STATUS = "channel.status";
  /** {channelId, externalId}: a channel reported an item that no mapping knows. */
  public static final String ITEM_UNMAPPED = "item.unmapped";
  /** {alertId, type, severity, subject, message}: an alert opened (for the live stream). */
  public static final String ALERT_RAISED = "alert.raised";
  /** {alertId, type, subject}: an alert was resolved, by a person or by its rule. */
  public static final String ALERT_RESOLVED = "alert.resolved";

  private AlertTopics() {}
}
