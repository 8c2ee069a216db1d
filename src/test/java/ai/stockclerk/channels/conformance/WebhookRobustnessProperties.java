package ai.stockclerk.channels.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelConnector;
import ai.stockclerk.channels.StockEvent;
import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Whatever reaches a vendor's webhook endpoint, verifying and parsing end in events or a typed
 * rejection, never another exception. Each vendor's subclass supplies its connector, connection
 * and requests; jqwik runs the properties declared here once for every subclass.
 */
public abstract class WebhookRobustnessProperties {

  protected abstract ChannelConnector connector();

  protected abstract ChannelConnection connection();

  /** The body as the vendor would send it, signed as the vendor signs. */
  protected abstract WebhookRequest request(byte[] body);

  @Property(tries = 200)
  void arbitraryBytesGiveEventsOrTypedRejection(@ForAll byte[] body) {
    assertOnlyTypedOutcomes(request(body));
  }

  protected final void assertOnlyTypedOutcomes(WebhookRequest request) {
    try {
      connector().verifyWebhook(connection(), request);
    } catch (WebhookRejectedException typed) {
      assertThat(typed.reason()).isNotNull();
    }
    try {
      List<StockEvent> events = parsedEvents(request);
      assertThat(events).allSatisfy(event -> assertThat(event.externalId()).isNotNull());
    } catch (WebhookRejectedException typed) {
      assertThat(typed.reason()).isNotNull();
    }
  }

  /** Overridden where parsing calls the vendor, so the failure of that call counts as typed too. */
  protected List<StockEvent> parsedEvents(WebhookRequest request) {
    return connector().parseWebhook(connection(), request);
  }

  /** A payload from {@code src/test/resources/channels/}. */
  protected static byte[] resource(String name) {
    try (InputStream in = WebhookRobustnessProperties.class.getResourceAsStream("/channels/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
