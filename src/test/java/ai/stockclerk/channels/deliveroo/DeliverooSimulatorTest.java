package ai.stockclerk.channels.deliveroo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.stockclerk.channels.CatalogItem;
import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.channels.ChannelException.Failure;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.LevelUpdate;
import ai.stockclerk.channels.PushResult;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.StockEvent.QuantityChange.Kind;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.conformance.WebhookReceiver;
import ai.stockclerk.channels.simulator.ChannelSimulator;
import ai.stockclerk.channels.simulator.DeliverooDialect;
import ai.stockclerk.testing.MutableClock;
import ai.stockclerk.channels.support.RecordingSleeper;
import ai.stockclerk.channels.support.TestConnections;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Deliveroo connector against the simulator's Deliveroo dialect, over HTTP. */
class DeliverooSimulatorTest {

  private static final String SECRET = "roo-sim-webhook-secret";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private WebhookReceiver receiver;
  private ChannelSimulator simulator;
  private DeliverooConnector connector;
  private ChannelConnection connection;

  @BeforeEach
  void start() throws Exception {
    receiver = new WebhookReceiver();
    simulator = ChannelSimulator.start(new DeliverooDialect(), 0, receiver.url(), SECRET);
    connector = new DeliverooConnector(TestConnections.fastClient(clock, new RecordingSleeper(clock)), clock);
    connection = connection(SECRET);
  }

  @AfterEach
  void stop() {
    simulator.close();
    receiver.close();
  }

  private ChannelConnection connection(String secret) {
    return TestConnections.of(ChannelType.DELIVEROO, simulator.baseUrl().toString(),
        Map.of("clientId", "sim-client", "clientSecret", "sim-secret"),
        Map.of("brandId", DeliverooDialect.BRAND_ID, "siteId", DeliverooDialect.SITE_ID, "menuId", DeliverooDialect.MENU_ID),
        secret);
  }

  @Test
  void setThenReadBackAsAvailability() {
    simulator.createItem("burger", "PLU-1", 5);
    simulator.createItem("fries", "PLU-2", 0);

    PushResult result = connector.setLevels(connection, List.of(LevelUpdate.of("burger", 0), LevelUpdate.of("fries", 7)));

    assertThat(result.acknowledged()).containsExactlyInAnyOrder("burger", "fries");
    assertThat(connector.readLevels(connection, List.of("burger", "fries"))).isEqualTo(Map.of("burger", 0, "fries", 1));
    assertThat(simulator.item("burger").orElseThrow().available()).isFalse();
    assertThat(simulator.item("fries").orElseThrow().available()).isTrue();
    assertThat(connector.listCatalog(connection)).extracting(CatalogItem::externalId, CatalogItem::sku, CatalogItem::level)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("burger", "PLU-1", 0), org.assertj.core.groups.Tuple.tuple("fries", "PLU-2", 1));
  }

  @Test
  void unknownItemIsRefusedAloneAndTheOthersStillChange() {
    simulator.createItem("burger", "PLU-1", 5);

    PushResult result = connector.setLevels(connection, List.of(LevelUpdate.of("burger", 0), LevelUpdate.of("ghost", 0)));

    assertThat(result.acknowledged()).containsExactly("burger");
    assertThat(result.rejected()).containsOnlyKeys("ghost");
    assertThat(simulator.item("burger").orElseThrow().level()).isZero();
  }

  @Test
  void saleSendsSignedOrderWebhookThatVerifiesAndParsesToASale() throws Exception {
    simulator.createItem("burger", "PLU-1", 10);

    assertThat(simulator.sale("burger", 3).orElseThrow().webhookStatus()).isEqualTo(200);
    WebhookRequest webhook = receiver.next();

    connector.verifyWebhook(connection, webhook);
    assertThat(connector.parseWebhook(connection, webhook)).singleElement()
        .isInstanceOfSatisfying(StockEvent.QuantityChange.class, sale -> {
          assertThat(sale.externalId()).isEqualTo("burger");
          assertThat(sale.kind()).isEqualTo(Kind.SALE);
          assertThat(sale.quantity()).isEqualTo(3);
          assertThat(sale.eventId()).isEqualTo(webhook.header("X-Deliveroo-Sequence-Guid").orElseThrow());
        });
  }

  @Test
  void simulatedWebhookFailsWhenTamperedUnsignedOrCheckedWithAnotherSecret() throws Exception {
    simulator.createItem("burger", "PLU-1", 10);
    simulator.sale("burger", 3);
    WebhookRequest webhook = receiver.next();
    String body = new String(webhook.body(), StandardCharsets.UTF_8);
    Map<String, List<String>> unsigned = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    unsigned.putAll(webhook.headers());
    unsigned.remove("X-Deliveroo-Hmac-Sha256");

    for (WebhookRequest forged : List.of(
        new WebhookRequest(webhook.url(), webhook.headers(), body.replace("\"quantity\":3", "\"quantity\":1").getBytes(StandardCharsets.UTF_8), webhook.receivedAt()),
        new WebhookRequest(webhook.url(), webhook.headers(), body.replace(",", ", ").getBytes(StandardCharsets.UTF_8), webhook.receivedAt()),
        new WebhookRequest(webhook.url(), unsigned, webhook.body(), webhook.receivedAt()))) {
      assertThatThrownBy(() -> connector.verifyWebhook(connection, forged)).isInstanceOf(WebhookRejectedException.class);
    }
    assertThatThrownBy(() -> connector.verifyWebhook(connection("another-secret"), webhook))
        .isInstanceOf(WebhookRejectedException.class);
  }

  @Test
  void serverErrorsAreRetriedAndRefusalDisconnects() {
    simulator.createItem("burger", "PLU-1", 4);
    simulator.failNext(2, 503);
    assertThat(connector.readLevels(connection, List.of("burger"))).containsEntry("burger", 1);

    simulator.unauthorized(true);
    assertThatThrownBy(() -> connector.checkCredentials(connection(SECRET)))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION));
  }

  @Test
  void controlApiCreatesReadsAndSells() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI base = simulator.baseUrl();
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(base.resolve("/_sim/items"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"externalId\":\"shake\",\"sku\":\"PLU-9\",\"level\":2}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isBetween(200, 201);

    http.send(HttpRequest.newBuilder(base.resolve("/_sim/sales"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"externalId\":\"shake\",\"quantity\":2}")).build(),
        HttpResponse.BodyHandlers.ofString());
    String item = http.send(HttpRequest.newBuilder(base.resolve("/_sim/items/shake")).build(),
        HttpResponse.BodyHandlers.ofString()).body();

    assertThat(item).contains("\"level\":0", "\"available\":false");
    WebhookRequest webhook = receiver.next();
    connector.verifyWebhook(connection, webhook);
    assertThat(connector.parseWebhook(connection, webhook)).extracting(StockEvent::externalId).containsExactly("shake");
    assertThat(connector.readLevels(connection, List.of("shake"))).containsEntry("shake", 0);
  }
}
