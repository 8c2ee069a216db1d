package ai.stockclerk.channels.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.stockclerk.channels.CatalogItem;
import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelConnector;
import ai.stockclerk.channels.ChannelException;
import ai.stockclerk.channels.ChannelException.Failure;
import ai.stockclerk.channels.LevelUpdate;
import ai.stockclerk.channels.PushResult;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.simulator.ChannelSimulator;
import ai.stockclerk.testing.MutableClock;
import ai.stockclerk.channels.support.RecordingSleeper;
import ai.stockclerk.channels.support.TestConnections;
import ai.stockclerk.channels.support.VendorHttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every connector must do against its vendor's simulator: the real connector code, talking
 * HTTP to a server that speaks the vendor's format. A vendor's test class only says how to build
 * its connector and connection.
 */
public abstract class ChannelConnectorConformanceTest {

  protected static final String SECRET = "whsec-conformance-secret";

  protected final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  protected final RecordingSleeper sleeper = new RecordingSleeper(clock);
  protected ChannelSimulator simulator;
  protected WebhookReceiver receiver;
  protected ChannelConnector connector;
  protected ChannelConnection connection;

  /** The simulator's vendor name. */
  protected abstract String vendor();

  protected abstract ChannelConnector connector(VendorHttpClient http);

  /** A connection to the simulator at {@code baseUrl}, with the given webhook secret. */
  protected abstract ChannelConnection connection(String baseUrl, String webhookSecret);

  /** The external id of the n-th test item, in the vendor's id format. */
  protected abstract String itemId(int n);

  @BeforeEach
  void startSimulator() throws Exception {
    receiver = new WebhookReceiver();
    simulator = ChannelSimulator.start(vendor(), 0, receiver.url(), SECRET);
    VendorHttpClient http = TestConnections.fastClient(clock, sleeper);
    connector = connector(http);
    connection = connection(simulator.baseUrl().toString(), SECRET);
  }

  @AfterEach
  void stopSimulator() {
    simulator.close();
    receiver.close();
  }

  @Test
  void setThenReadBack() {
    simulator.createItem(itemId(1), "SKU-1", 5);
    simulator.createItem(itemId(2), "SKU-2", 9);

    PushResult result = connector.setLevels(connection, List.of(LevelUpdate.of(itemId(1), 12), LevelUpdate.of(itemId(2), 0)));

    assertThat(result.acknowledged()).containsExactlyInAnyOrder(itemId(1), itemId(2));
    assertThat(result.rejected()).isEmpty();
    assertThat(connector.readLevels(connection, List.of(itemId(1), itemId(2)))).isEqualTo(Map.of(itemId(1), 12, itemId(2), 0));
    assertThat(simulator.item(itemId(1)).orElseThrow().level()).isEqualTo(12);
  }

  @Test
  void readsEveryPage() {
    int count = 260;
    List<String> ids = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      simulator.createItem(itemId(n), "SKU-" + n, n);
      ids.add(itemId(n));
    }

    Map<String, Integer> levels = connector.readLevels(connection, ids);

    assertThat(levels).hasSize(count);
    assertThat(levels.get(itemId(count))).isEqualTo(count);
    assertThat(connector.listCatalog(connection)).extracting(CatalogItem::externalId).containsAll(ids);
  }

  @Test
  void splitsWritesAtTheVendorLimit() {
    int limit = connector.limits().maxBatchSize();
    List<LevelUpdate> updates = new ArrayList<>();
    for (int n = 1; n <= limit + 1; n++) {
      simulator.createItem(itemId(n), "SKU-" + n, 0);
      updates.add(LevelUpdate.of(itemId(n), 3));
    }

    PushResult result = connector.setLevels(connection, updates);

    assertThat(result.acknowledged()).hasSize(limit + 1);
    assertThat(simulator.setCalls()).isEqualTo(2);
  }

  @Test
  void unknownItemIsRejectedAndOthersStillSet() {
    simulator.createItem(itemId(1), "SKU-1", 1);

    PushResult result = connector.setLevels(connection, List.of(LevelUpdate.of(itemId(1), 7), LevelUpdate.of(itemId(99), 7)));

    assertThat(result.acknowledged()).containsExactly(itemId(1));
    assertThat(result.rejected()).containsOnlyKeys(itemId(99));
    assertThat(simulator.item(itemId(1)).orElseThrow().level()).isEqualTo(7);
  }

  @Test
  void saleProducesWebhookThatVerifiesAndParsesToTheNewLevel() throws Exception {
    simulator.createItem(itemId(1), "SKU-1", 10);

    assertThat(simulator.sale(itemId(1), 3).orElseThrow().webhookStatus()).isEqualTo(200);
    WebhookRequest webhook = receiver.next();

    connector.verifyWebhook(connection, webhook);
    List<StockEvent> events = connector.parseWebhook(connection, webhook);
    assertThat(events).singleElement().isInstanceOfSatisfying(StockEvent.LevelReport.class, report -> {
      assertThat(report.externalId()).isEqualTo(itemId(1));
      assertThat(report.level()).isEqualTo(7);
      assertThat(report.eventId()).isNotBlank();
      assertThat(report.occurredAt()).isNotNull();
    });
  }

  @Test
  void webhookWithTamperedBodyFailsSignature() throws Exception {
    WebhookRequest webhook = saleWebhook();
    String body = new String(webhook.body(), StandardCharsets.UTF_8);
    String tampered = body.replaceFirst("7", "8");
    assertThat(tampered).isNotEqualTo(body);

    assertSignatureRejected(withBody(webhook, tampered.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void webhookWithWhitespaceChangedFailsSignature() throws Exception {
    WebhookRequest webhook = saleWebhook();
    String reserialised = new String(webhook.body(), StandardCharsets.UTF_8).replace(",", ", ").replace(":", ": ");

    assertSignatureRejected(withBody(webhook, reserialised.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void webhookCheckedWithWrongSecretFails() throws Exception {
    WebhookRequest webhook = saleWebhook();

    assertThatThrownBy(() -> connector.verifyWebhook(connection(simulator.baseUrl().toString(), "another-secret"), webhook))
        .isInstanceOfSatisfying(WebhookRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.SIGNATURE));
  }

  @Test
  void webhookWithoutSignatureHeaderFails() throws Exception {
    WebhookRequest webhook = saleWebhook();
    Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    webhook.headers().forEach((name, values) -> {
      if (!name.toLowerCase().contains("signature") && !name.toLowerCase().contains("hmac")) {
        headers.put(name, values);
      }
    });

    assertSignatureRejected(new WebhookRequest(webhook.url(), headers, webhook.body(), webhook.receivedAt()));
  }

  @Test
  void channelWithoutSecretRejectsEverything() throws Exception {
    WebhookRequest webhook = saleWebhook();

    assertThatThrownBy(() -> connector.verifyWebhook(connection(simulator.baseUrl().toString(), ""), webhook))
        .isInstanceOf(WebhookRejectedException.class);
  }

  @Test
  void refusedCredentialsAreAuthenticationFailures() {
    simulator.unauthorized(true);

    assertThatThrownBy(() -> connector.checkCredentials(connection))
        .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION));
  }

  @Test
  void serverErrorsAreRetried() {
    simulator.createItem(itemId(1), "SKU-1", 4);
    simulator.failNext(2, 503);

    assertThat(connector.readLevels(connection, List.of(itemId(1)))).containsEntry(itemId(1), 4);
    assertThat(simulator.calls()).extracting(c -> c.status()).startsWith(503, 503, 200);
  }

  @Test
  void rateLimitedCallsWaitAndSucceed() {
    // The simulator's limit runs in real time, so this client really waits.
    ChannelConnector patient = connector(VendorHttpClient.builder().build());
    simulator.createItem(itemId(1), "SKU-1", 4);
    simulator.rateLimit(1);

    for (int i = 0; i < 2; i++) {
      assertThat(patient.readLevels(connection, List.of(itemId(1)))).containsEntry(itemId(1), 4);
    }
    assertThat(simulator.calls()).extracting(c -> c.status()).doesNotContain(500, 401);
  }

  @Test
  void checkCredentialsPassesAgainstAHealthyChannel() {
    connector.checkCredentials(connection);
    assertThat(simulator.callCount()).isPositive();
  }

  @Test
  void concurrentSalesAndSetsLoseNothingOnTheChannel() throws Exception {
    simulator.createItem(itemId(1), "SKU-1", 1000);
    simulator.webhookTarget(null, null);
    List<Thread> threads = IntStream.range(0, 8).mapToObj(t -> new Thread(() -> {
      for (int i = 0; i < 25; i++) {
        simulator.sale(itemId(1), 1);
      }
    })).toList();
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(connector.readLevels(connection, List.of(itemId(1)))).containsEntry(itemId(1), 800);
  }

  protected WebhookRequest saleWebhook() throws InterruptedException {
    simulator.createItem(itemId(1), "SKU-1", 10);
    simulator.sale(itemId(1), 3);
    WebhookRequest webhook = receiver.next();
    connector.verifyWebhook(connection, webhook); // the untouched one passes
    return webhook;
  }

  protected static WebhookRequest withBody(WebhookRequest webhook, byte[] body) {
    return new WebhookRequest(webhook.url(), webhook.headers(), body, webhook.receivedAt());
  }

  protected void assertSignatureRejected(WebhookRequest webhook) {
    assertThatThrownBy(() -> connector.verifyWebhook(connection, webhook))
        .isInstanceOfSatisfying(WebhookRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.SIGNATURE));
  }

  protected static LevelUpdate compared(String id, int level, int expected) {
    return new LevelUpdate(id, level, OptionalInt.of(expected), null);
  }

  protected static Duration seconds(long s) {
    return Duration.ofSeconds(s);
  }
}
