package ai.stockclerk.channels.otter;

import ai.stockclerk.channels.CatalogItem;
import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelConnector;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.ConnectorLimits;
import ai.stockclerk.channels.LevelUpdate;
import ai.stockclerk.channels.PushResult;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.support.Batches;
import ai.stockclerk.channels.support.Json;
import ai.stockclerk.channels.support.OAuthTokenCache;
import ai.stockclerk.channels.support.VendorCallException;
import ai.stockclerk.channels.support.VendorHttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Otter (which passes availability on to Deliveroo, Uber Eats and other storefronts): availability
 * only. Level zero suspends the entity indefinitely, above zero unsuspends it; Otter applies both
 * asynchronously (202). Entity ids are our ids for the items. Webhooks come to one app-wide URL and
 * are routed by {@code metadata.storeId}.
 */
@Component
public class OtterConnector implements ChannelConnector {

  static final String SUSPEND = "/manager/menu/v1/menus/entities/availability/suspend";
  static final String UNSUSPEND = "/manager/menu/v1/menus/entities/availability/unsuspend";
  static final String NOTE = "Stock level from StockClerk";

  private final OtterApi api;

  @Autowired
  public OtterConnector(VendorHttpClient http, OAuthTokenCache tokens) {
    this(http, tokens, Clock.systemUTC());
  }

  OtterConnector(VendorHttpClient http, OAuthTokenCache tokens, Clock clock) {
    this.api = new OtterApi(http, tokens, clock);
  }

  @Override
  public ChannelType type() {
    return ChannelType.OTTER;
  }

  @Override
  public ConnectorLimits limits() {
    return OtterApi.LIMITS;
  }

  @Override
  public Optional<String> instanceIdOf(WebhookRequest request) {
    return OtterWebhookParser.storeId(request);
  }

  @Override
  public void verifyWebhook(ChannelConnection connection, WebhookRequest request) {
    OtterWebhookVerifier.verify(connection, request);
  }

  @Override
  public List<StockEvent> parseWebhook(ChannelConnection connection, WebhookRequest request) {
    return OtterWebhookParser.parse(request);
  }

  @Override
  public Map<String, Integer> readLevels(ChannelConnection connection, Collection<String> externalIds) {
    OtterMenu menu = OtterMenu.from(api.get(connection, "/v1/menus"));
    Map<String, Integer> levels = new LinkedHashMap<>();
    externalIds.stream().filter(menu::has).forEach(id -> levels.put(id, menu.levelOf(id)));
    return levels;
  }

  @Override
  public PushResult setLevels(ChannelConnection connection, List<LevelUpdate> updates) {
    List<String> suspend = updates.stream().filter(u -> u.level() == 0).map(LevelUpdate::externalId).distinct().toList();
    List<String> unsuspend = updates.stream().filter(u -> u.level() > 0).map(LevelUpdate::externalId).distinct().toList();
    List<String> acknowledged = new ArrayList<>();
    Map<String, String> rejected = new LinkedHashMap<>();
    send(connection, SUSPEND, suspend, acknowledged, rejected);
    send(connection, UNSUSPEND, unsuspend, acknowledged, rejected);
    return new PushResult(acknowledged, rejected);
  }

  private void send(ChannelConnection connection, String path, List<String> ids,
      List<String> acknowledged, Map<String, String> rejected) {
    for (List<String> batch : Batches.split(ids, OtterApi.LIMITS.maxBatchSize())) {
      try {
        api.post(connection, path, body(batch, path.equals(SUSPEND)));
        acknowledged.addAll(batch);
      } catch (VendorCallException e) {
        int status = e.httpStatus().orElse(0);
        if (status != 400 && status != 404 && status != 422) {
          throw e;
        }
        batch.forEach(id -> rejected.put(id, "Otter refused the request (HTTP " + status + ")"));
      }
    }
  }

  private static ObjectNode body(List<String> ids, boolean suspend) {
    ObjectNode body = Json.object();
    ids.forEach(body.putArray("entityIds")::add);
    body.put("note", NOTE);
    if (suspend) {
      body.putObject("status").put("isIndefinite", true);
    }
    return body;
  }

  @Override
  public List<CatalogItem> listCatalog(ChannelConnection connection) {
    return OtterMenu.from(api.get(connection, "/v1/menus")).catalog();
  }

  @Override
  public void checkCredentials(ChannelConnection connection) {
    api.get(connection, "/v1/menus");
  }
}
