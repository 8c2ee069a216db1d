package ai.stockclerk.channels.wix;

import ai.stockclerk.channels.CatalogItem;
import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelConnector;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.channels.ChannelException.Failure;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.ConnectorLimits;
import ai.stockclerk.channels.LevelUpdate;
import ai.stockclerk.channels.PushResult;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.support.Batches;
import ai.stockclerk.channels.support.Json;
import ai.stockclerk.channels.support.OAuthTokenCache;
import ai.stockclerk.channels.support.VendorHttpClient;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Wix Stores, catalog V3 (inventory items: one variant at one location). Sites still on catalog V1
 * are refused by {@link #checkCredentials}: the two catalogs have different APIs and webhooks.
 */
@Component
public class WixConnector implements ChannelConnector {

  static final String VERSION_PATH = "/stores/v3/provision/version";

  private final WixApi api;

  @Autowired
  public WixConnector(VendorHttpClient http, OAuthTokenCache tokens) {
    this(http, tokens, Clock.systemUTC());
  }

  WixConnector(VendorHttpClient http, OAuthTokenCache tokens, Clock clock) {
    this.api = new WixApi(http, tokens, clock);
  }

  @Override
  public ChannelType type() {
    return ChannelType.WIX;
  }

  @Override
  public ConnectorLimits limits() {
    return WixApi.LIMITS;
  }

  @Override
  public Optional<String> instanceIdOf(WebhookRequest request) {
    return WixWebhookParser.instanceId(request);
  }

  @Override
  public void verifyWebhook(ChannelConnection connection, WebhookRequest request) {
    WixWebhookVerifier.verify(connection, request);
  }

  @Override
  public List<StockEvent> parseWebhook(ChannelConnection connection, WebhookRequest request) {
    return WixWebhookParser.parse(request);
  }

  @Override
  public Map<String, Integer> readLevels(ChannelConnection connection, Collection<String> externalIds) {
    Map<String, Integer> levels = new LinkedHashMap<>();
    for (List<String> batch : Batches.split(List.copyOf(externalIds), WixInventoryQuery.PAGE_SIZE)) {
      for (WixInventoryItem item : WixInventoryQuery.byIds(api, connection, batch)) {
        item.quantity().ifPresent(q -> levels.put(item.id(), q));
      }
    }
    return levels;
  }

  @Override
  public PushResult setLevels(ChannelConnection connection, List<LevelUpdate> updates) {
    return WixBulkUpdate.run(api, connection, updates);
  }

  @Override
  public List<CatalogItem> listCatalog(ChannelConnection connection) {
    return WixInventoryQuery.all(api, connection).stream().map(WixInventoryItem::toCatalogItem).toList();
  }

  @Override
  public void checkCredentials(ChannelConnection connection) {
    String version = Json.text(api.get(connection, VERSION_PATH), "catalogVersion").orElse("");
    if (!"V3_CATALOG".equals(version)) {
      throw new ChannelException(
          "the Wix site runs catalog " + (version.isEmpty() ? "(unknown)" : version) + "; only V3_CATALOG is supported",
          connection, Failure.AUTHENTICATION, null, null);
    }
  }
}
