package ai.stockclerk.agents.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.agents.alert.AlertConfiguration.AlertParts;
import ai.stockclerk.store.AlertDeliveryRecord;
import ai.stockclerk.store.AlertRecord;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * E-mail (to a real in-process SMTP server) and signed webhooks (to WireMock): received exactly once
 * per alert occurrence, retried after failures, never sent twice by two nodes.
 */
class AlertDeliveryTest extends AlertServiceTest {

  private static final WireMockServer HOOKS = startHooks();
  private static final String SECRET = "alert-webhook-secret-0123456789";

  private AlertParts parts;
  private UUID tenant;
  private String domain;
  private String hookPath;

  @BeforeEach
  void setUp() {
    parts = parts("node-a");
    tenant = api().register("Delivery Shop").tenantId();
    domain = "t" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
    hookPath = "/hooks/" + UUID.randomUUID();
    HOOKS.stubFor(post(urlEqualTo(hookPath)).willReturn(ok()));
    configure(true, true, "low");
  }

  @Test
  void eachOccurrenceIsMailedAndPostedExactlyOnceWithAValidSignature() throws Exception {
    AlertRecord alert = raise("disk").alert();
    assertThat(parts.worker().runOnce()).isEqualTo(2);
    parts.alerts().raise(tenant, AlertType.SYSTEM, "disk", AlertSeverity.HIGH, "again", Map.of());
    parts.worker().runOnce();
    parts.worker().runOnce();

    assertThat(mails()).hasSize(1);
    assertThat(hooks()).hasSize(1);
    LoggedRequest request = hooks().get(0);
    long timestamp = Long.parseLong(request.getHeader(WebhookSignature.TIMESTAMP_HEADER));
    assertThat(timestamp).isEqualTo(clock.instant().getEpochSecond());
    assertThat(WebhookSignature.verify(SECRET, timestamp, request.getBody(),
        request.getHeader(WebhookSignature.SIGNATURE_HEADER))).isTrue();
    assertThat(WebhookSignature.verify(SECRET, timestamp + 1, request.getBody(),
        request.getHeader(WebhookSignature.SIGNATURE_HEADER))).as("the timestamp is signed").isFalse();
    assertThat(request.getHeader(WebhookSignature.SIGNATURE_HEADER)).startsWith("sha256=");
    assertThat(AlertJson.readMap(request.getBodyAsString())).containsEntry("alertId", alert.id().toString())
        .containsEntry("type", "system").containsEntry("severity", "medium");
    MimeMessage mail = mails().get(0);
    assertThat(mail.getSubject()).contains("MEDIUM").contains("disk is full");
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ops@" + domain);
    List<AlertDeliveryRecord> records = parts.alerts().deliveries(tenant, alert.id());
    assertThat(records).extracting(AlertDeliveryRecord::medium, AlertDeliveryRecord::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("email", "sent"),
            org.assertj.core.groups.Tuple.tuple("webhook", "sent"));
    assertThat(mail.getHeader(WebhookSignature.DELIVERY_HEADER)[0]).isEqualTo(records.get(0).id().toString());
    assertThat(request.getHeader(WebhookSignature.DELIVERY_HEADER)).isEqualTo(records.get(1).id().toString());

    parts.alerts().resolve(tenant, AlertType.SYSTEM, "disk");
    raise("disk");
    parts.worker().runOnce();
    assertThat(mails()).as("a new occurrence after resolving").hasSize(2);
    assertThat(hooks()).hasSize(2);
  }

  @Test
  void aFailedWebhookIsRetriedAfterItsBackOffWithTheSameBody() {
    String scenario = "flaky-" + hookPath;
    HOOKS.stubFor(post(urlEqualTo(hookPath)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    HOOKS.stubFor(post(urlEqualTo(hookPath)).inScenario(scenario).whenScenarioStateIs("up").willReturn(ok()));
    configure(false, true, "low");
    AlertRecord alert = raise("flaky").alert();

    assertThat(parts.worker().runOnce()).isZero();
    AlertDeliveryRecord failed = parts.alerts().deliveries(tenant, alert.id()).get(0);
    assertThat(failed.status()).isEqualTo("pending");
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).isEqualTo("webhook answered HTTP 503");
    assertThat(failed.nextAttemptAt()).isEqualTo(clock.instant().plus(AlertProperties.DEFAULT_BACKOFF_BASE));

    parts.worker().runOnce();
    assertThat(hooks()).as("not before the back-off").hasSize(1);
    clock.advance(AlertProperties.DEFAULT_BACKOFF_BASE);
    assertThat(parts.worker().runOnce()).isEqualTo(1);
    parts.worker().runOnce();

    List<LoggedRequest> requests = hooks();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(1).getBodyAsString()).isEqualTo(requests.get(0).getBodyAsString());
    assertThat(requests.get(1).getHeader(WebhookSignature.DELIVERY_HEADER))
        .isEqualTo(requests.get(0).getHeader(WebhookSignature.DELIVERY_HEADER));
    assertThat(parts.alerts().deliveries(tenant, alert.id()).get(0).status()).isEqualTo("sent");
  }

  @Test
  void anEmailIsRetriedAfterTheSmtpServerWasUnreachable() throws Exception {
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    mail.setPort(closedPort());
    mail.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
    mail.getJavaMailProperties().put("mail.smtp.localhost", "localhost");
    AlertParts withFlakyMail = parts("node-a", AlertProperties.defaults(), mail);
    configure(true, false, "low");
    withFlakyMail.alerts().raise(tenant, AlertType.SYSTEM, "mail", AlertSeverity.HIGH, "smtp check", Map.of());

    assertThat(withFlakyMail.worker().runOnce()).isZero();
    assertThat(mails()).isEmpty();
    mail.setPort(SMTP.getSmtp().getPort());
    clock.advance(AlertProperties.DEFAULT_BACKOFF_BASE);
    assertThat(withFlakyMail.worker().runOnce()).isEqualTo(1);
    withFlakyMail.worker().runOnce();

    assertThat(mails()).hasSize(1);
    assertThat(mails().get(0).getSubject()).contains("HIGH").contains("smtp check");
  }

  @Test
  void aReceiverThatRefusesTheRequestIsNotRetriedAndRepeatedFailuresGiveUp() {
    String refusing = "/hooks/refusing-" + UUID.randomUUID();
    HOOKS.stubFor(post(urlEqualTo(refusing)).willReturn(aResponse().withStatus(410)));
    setWebhookUrl(refusing);
    AlertRecord refused = raise("gone").alert();
    parts.worker().runOnce();
    clock.advance(Duration.ofDays(1));
    parts.worker().runOnce();
    assertThat(parts.alerts().deliveries(tenant, refused.id()).get(0))
        .extracting(AlertDeliveryRecord::status, AlertDeliveryRecord::attempts).containsExactly("failed", 1);

    String broken = "/hooks/broken-" + UUID.randomUUID();
    HOOKS.stubFor(post(urlEqualTo(broken)).willReturn(aResponse().withStatus(500)));
    setWebhookUrl(broken);
    AlertProperties threeAttempts = new AlertProperties(false, null, null, null, null, 3, null, null, null, null, null,
        true);
    AlertParts patient = parts("node-b", threeAttempts, null);
    AlertRecord failing = patient.alerts().raise(tenant, AlertType.SYSTEM, "broken", AlertSeverity.LOW, "m", Map.of())
        .alert();
    for (int i = 0; i < 5; i++) {
      patient.worker().runOnce();
      clock.advance(Duration.ofHours(2));
    }
    assertThat(HOOKS.findAll(postRequestedFor(urlEqualTo(broken)))).hasSize(3);
    assertThat(patient.alerts().deliveries(tenant, failing.id()).get(0))
        .extracting(AlertDeliveryRecord::status, AlertDeliveryRecord::attempts).containsExactly("failed", 3);
  }

  @Test
  void twoNodesSendingAtOnceSendEveryOccurrenceExactlyOnce() throws Exception {
    int count = 20;
    for (int i = 0; i < count; i++) {
      raise("subject-" + i);
    }
    List<DeliveryWorker> nodes = List.of(parts("node-1").worker(), parts("node-2").worker());
    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Callable<Void>> work = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      DeliveryWorker worker = nodes.get(t % 2);
      work.add(() -> {
        start.await();
        for (int round = 0; round < 4; round++) {
          worker.runOnce();
        }
        return null;
      });
    }
    try {
      for (Future<Void> f : pool.invokeAll(work)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    nodes.get(0).runOnce();

    Set<String> deliveryIds = hooks().stream().map(r -> r.getHeader(WebhookSignature.DELIVERY_HEADER))
        .collect(Collectors.toSet());
    assertThat(hooks()).hasSize(count);
    assertThat(deliveryIds).hasSize(count);
    assertThat(mails()).hasSize(count);
  }

  @Test
  void aNodeThatDiedMidSendLeavesTheSendToAnotherAfterItsClaimExpires() {
    raise("orphan");
    List<AlertDeliveryRecord> claimedByTheDead = tenancy.inTenant(tenant, () -> deliveryStore.claimDue(
        clock.instant(), clock.instant().plus(AlertProperties.DEFAULT_CLAIM_TIMEOUT), "dead-node", 10));
    assertThat(claimedByTheDead).hasSize(2);

    assertThat(parts.worker().runOnce()).as("still claimed").isZero();
    clock.advance(AlertProperties.DEFAULT_CLAIM_TIMEOUT);
    assertThat(parts.worker().runOnce()).isEqualTo(2);
    boolean lateRecord = tenancy.inTenant(tenant, () -> deliveryStore.markSent(claimedByTheDead.get(0),
        clock.instant()));

    assertThat(lateRecord).as("the dead node's claim is fenced off").isFalse();
    assertThat(hooks()).hasSize(1);
    assertThat(mails()).hasSize(1);
  }

  @Test
  void aMediumTurnedOffBeforeTheSendIsCancelledAndTheMinimumSeverityFiltersWhatIsPlanned() throws Exception {
    AlertRecord planned = raise("off").alert();
    configure(false, false, "low");
    parts.worker().runOnce();
    assertThat(parts.alerts().deliveries(tenant, planned.id())).extracting(AlertDeliveryRecord::status)
        .containsOnly("cancelled");

    configure(true, true, "high");
    AlertRecord medium = raise("medium-one").alert();
    AlertRecord high = parts.alerts().raise(tenant, AlertType.SYSTEM, "high-one", AlertSeverity.HIGH, "urgent",
        Map.of()).alert();
    parts.worker().runOnce();

    assertThat(parts.alerts().deliveries(tenant, medium.id())).isEmpty();
    assertThat(parts.alerts().deliveries(tenant, high.id())).hasSize(2);
    assertThat(hooks()).hasSize(1);
    assertThat(mails()).hasSize(1);
  }

  private RaisedAlert raise(String subject) {
    return parts.alerts().raise(tenant, AlertType.SYSTEM, subject, AlertSeverity.MEDIUM, subject + " is full",
        Map.of("subject", subject));
  }

  private void configure(boolean email, boolean webhook, String minimum) {
    parts.notificationSettings().replace(tenant, new NotificationSettingsChange(email, List.of("ops@" + domain),
        webhook, HOOKS.baseUrl() + hookPath, SECRET, minimum));
  }

  private void setWebhookUrl(String path) {
    parts.notificationSettings().replace(tenant, new NotificationSettingsChange(false, List.of(), true,
        HOOKS.baseUrl() + path, null, "low"));
  }

  private List<LoggedRequest> hooks() {
    return HOOKS.findAll(postRequestedFor(urlEqualTo(hookPath)));
  }

  private List<MimeMessage> mails() {
    return List.of(SMTP.getReceivedMessagesForDomain(domain));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static WireMockServer startHooks() {
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    return server;
  }
}
