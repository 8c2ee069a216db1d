package ai.stockclerk.channels;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The port every vendor implements, in StockClerk's words. Implementations are stateless and
 * thread-safe; per-channel state (tokens, rate budgets) lives behind the connection's channel id.
 */
public interface ChannelConnector {

  ChannelType type();

  /** The vendor's documented limits: bulk batch size and the default request budget. */
  ConnectorLimits limits();

  /**
   * For vendors that send every shop's webhooks to one app-wide URL: the vendor's shop/store/
   * instance id found in the request (header or body), to look the channel up by. Empty when the
   * request carries none. Reading it must not trust the body: the signature is checked afterwards.
   */
  default Optional<String> instanceIdOf(WebhookRequest request) {
    return Optional.empty();
  }

  /** Checks the signature over the raw bytes, in constant time; throws when it does not hold. */
  void verifyWebhook(ChannelConnection connection, WebhookRequest request) throws WebhookRejectedException;

  /** Parses a verified webhook into stock events; an event that carries no stock fact gives none. */
  List<StockEvent> parseWebhook(ChannelConnection connection, WebhookRequest request)
      throws WebhookRejectedException;

  /** Reads current levels of the given items in bulk, all pages; items the channel lacks are absent. */
  Map<String, Integer> readLevels(ChannelConnection connection, Collection<String> externalIds);

  /** Sets levels in bulk, split at the vendor's batch limit. */
  PushResult setLevels(ChannelConnection connection, List<LevelUpdate> updates);

  /** Lists the whole catalogue, all pages. */
  List<CatalogItem> listCatalog(ChannelConnection connection);

  /** Makes one cheap authenticated call; throws {@link ChannelException} when refused or unreachable. */
  void checkCredentials(ChannelConnection connection);
}
