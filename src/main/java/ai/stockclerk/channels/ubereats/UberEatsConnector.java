package ai.stockclerk.channels.ubereats;

import ai.stockclerk.channels.CatalogItem;
import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelConnector;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.ConnectorLimits;
import ai.stockclerk.channels.LevelUpdate;
import ai.stockclerk.channels.PushResult;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.StockEvent.QuantityChange.Kind;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRejectedException.Reason;
import ai.stockclerk.channels.WebhookRequest;
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
 * Uber Eats: availability only. A level above zero lifts the item's suspension, zero suspends it;
 * reading gives 1 or 0. Webhooks arrive on one app-wide URL and are routed by {@code meta.user_id}
 * (the store id). Order webhooks carry no line items, so parsing one fetches the order.
 */
@Component
public class UberEatsConnector implements ChannelConnector {

  private final UberEatsApi api;
  private final Clock clock;

  @Autowired
  public UberEatsConnector(VendorHttpClient http, OAuthTokenCache tokens) {
    this(http, tokens, Clock.systemUTC());
  }

  UberEatsConnector(VendorHttpClient http, OAuthTokenCache tokens, Clock clock) {
    this.api = new UberEatsApi(http, tokens, clock);
    this.clock = clock;
  }

  @Override
  public ChannelType type() {
    return ChannelType.UBEREATS;
  }

  @Override
  public ConnectorLimits limits() {
    return UberEatsApi.LIMITS;
  }

  @Override
  public Optional<String> instanceIdOf(WebhookRequest request) {
    return UberEatsWebhookNotice.storeIdOf(request);
  }

  @Override
  public void verifyWebhook(ChannelConnection connection, WebhookRequest request) {
    UberEatsWebhookVerifier.verify(connection, request);
  }

  /**
   * {@code orders.notification} is a sale and {@code orders.cancel} gives the items back; both are
   * read from the order itself. Other events carry no stock fact. A failure to fetch the order is a
   * {@link ai.stockclerk.channels.ChannelException} (retry the inbox row), not a rejection.
   */
  @Override
  public List<StockEvent> parseWebhook(ChannelConnection connection, WebhookRequest request) {
    UberEatsWebhookNotice notice = UberEatsWebhookNotice.read(request);
    Optional<Kind> kind = notice.orderKind();
    if (kind.isEmpty()) {
      return List.of();
    }
    if (notice.orderId() == null) {
      throw new WebhookRejectedException(Reason.MALFORMED, "Uber Eats order webhook lacks meta.resource_id");
    }
    return UberEatsOrder.fetch(api, connection, notice.orderId()).quantities().entrySet().stream()
        .<StockEvent>map(e -> new StockEvent.QuantityChange(e.getKey(), kind.get(), e.getValue(), notice.eventId(), notice.at()))
        .toList();
  }

  @Override
  public Map<String, Integer> readLevels(ChannelConnection connection, Collection<String> externalIds) {
    UberEatsMenu menu = UberEatsMenu.from(api.get(connection, UberEatsApi.storePath(connection) + "/menus"));
    Map<String, Integer> levels = new LinkedHashMap<>();
    externalIds.stream().filter(menu::has).forEach(id -> levels.put(id, menu.levelOf(id, clock.instant())));
    return levels;
  }

  @Override
  public PushResult setLevels(ChannelConnection connection, List<LevelUpdate> updates) {
    return UberEatsSuspensions.run(api, connection, updates, clock.instant());
  }

  @Override
  public List<CatalogItem> listCatalog(ChannelConnection connection) {
    return UberEatsMenu.from(api.get(connection, UberEatsApi.storePath(connection) + "/menus")).catalog(clock.instant());
  }

  @Override
  public void checkCredentials(ChannelConnection connection) {
    api.get(connection, UberEatsApi.storePath(connection) + "/menus");
  }
}
