package ai.stockclerk.agents.alert;

import ai.stockclerk.agents.alert.AlertConfiguration.AlertParts;
import ai.stockclerk.secrets.CredentialCipher;
import ai.stockclerk.store.AlertCheckSchedule;
import ai.stockclerk.store.AlertDeliveryStore;
import ai.stockclerk.store.AlertStore;
import ai.stockclerk.store.ChannelStore;
import ai.stockclerk.store.DatabaseEndpoint;
import ai.stockclerk.store.NotificationSettingsStore;
import ai.stockclerk.store.Tenancy;
import ai.stockclerk.store.TenantStore;
import ai.stockclerk.testing.MutableClock;
import ai.stockclerk.testing.ServiceTest;
import ai.stockclerk.testing.TestApi;
import ai.stockclerk.testing.TestDatabases;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the Alert agent's service tests: the whole service on a database of its own, with the
 * alert loops off (tests drive the worker and the checks by hand with their own clock), a real
 * in-process SMTP server (GreenMail) and webhook URLs on localhost allowed.
 */
public abstract class AlertServiceTest extends ServiceTest {

  private static final DatabaseEndpoint OWN_DATABASE = TestDatabases.fresh();
  protected static final GreenMail SMTP = startSmtp();

  @DynamicPropertySource
  static void alertProperties(DynamicPropertyRegistry registry) {
    registry.add("stockclerk.database.url", OWN_DATABASE::jdbcUrl);
    registry.add("stockclerk.alerts.background-enabled", () -> "false");
    registry.add("stockclerk.alerts.allow-private-webhook-urls", () -> "true");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    // Without it JavaMail looks up this host's canonical name for EHLO, which can take seconds.
    registry.add("spring.mail.properties.mail.smtp.localhost", () -> "localhost");
  }

  @Autowired protected Tenancy tenancy;
  @Autowired protected AlertStore alertStore;
  @Autowired protected AlertDeliveryStore deliveryStore;
  @Autowired protected NotificationSettingsStore settingsStore;
  @Autowired protected AlertCheckSchedule schedule;
  @Autowired protected ChannelStore channelStore;
  @Autowired protected TenantStore tenantStore;
  @Autowired protected CredentialCipher cipher;
  @Autowired protected JavaMailSender mailSender;

  /** A clock far from the wall clock, so nothing a test makes is ever due for another context's loops. */
  protected final MutableClock clock = new MutableClock(Instant.parse("2031-03-01T09:00:00Z"));
  protected final RecordingEventBus bus = new RecordingEventBus();

  protected TestApi api() {
    return new TestApi(http());
  }

  protected AlertParts parts(String node) {
    return parts(node, AlertProperties.defaults(), mailSender);
  }

  protected AlertParts parts(String node, AlertProperties properties, JavaMailSender mail) {
    AlertProperties allowLocal = new AlertProperties(false, properties.checkInterval(), properties.checkTick(),
        properties.deliveryPoll(), properties.deliveryBatch(), properties.deliveryMaxAttempts(),
        properties.deliveryBackoffBase(), properties.deliveryBackoffMax(), properties.deliveryClaimTimeout(),
        Duration.ofSeconds(5), properties.mailFrom(), true);
    return new AlertParts(allowLocal, tenancy, alertStore, deliveryStore, settingsStore, schedule, channelStore,
        tenantStore, new WebhookSecrets(cipher), bus, mail, clock, node);
  }

  private static GreenMail startSmtp() {
    GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
    return mail;
  }
}
