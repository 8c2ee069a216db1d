package ai.stockclerk.channels.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRequest;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Adds, for vendors whose signature covers the body: a changed body never passes the original's signature. */
public abstract class SignedPayloadProperties extends MutatedPayloadProperties {

  @Property(tries = 200)
  void mutatedPayloadNeverPassesTheOriginalSignature(@ForAll("mutations") byte[] body) {
    if (Arrays.equals(body, payload())) {
      return;
    }
    WebhookRequest original = request(payload(), true);
    WebhookRequest forged = new WebhookRequest(original.url(), original.headers(), body, original.receivedAt());
    try {
      connector().verifyWebhook(connection(), forged);
      throw new AssertionError("a changed body passed the signature check");
    } catch (WebhookRejectedException expected) {
      assertThat(expected.reason()).isEqualTo(WebhookRejectedException.Reason.SIGNATURE);
    }
  }
}
