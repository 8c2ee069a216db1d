package ai.stockclerk.channels.conformance;

import ai.stockclerk.channels.WebhookRequest;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Adds the vendor's documented payload, mutated, sent both signed and unsigned. */
public abstract class MutatedPayloadProperties extends WebhookRobustnessProperties {

  /** The documented payload that the mutations start from. */
  protected abstract byte[] payload();

  /** The body with or without the vendor's signature of the documented payload. */
  protected abstract WebhookRequest request(byte[] body, boolean signed);

  @Override
  protected final WebhookRequest request(byte[] body) {
    return request(body, true);
  }

  @Property(tries = 300)
  void mutatedPayloadsGiveEventsOrTypedRejection(@ForAll("mutations") byte[] body) {
    assertOnlyTypedOutcomes(request(body, true));
    assertOnlyTypedOutcomes(request(body, false));
  }

  @Provide
  Arbitrary<byte[]> mutations() {
    return PayloadMutations.of(payload(), PayloadMutations.JSON_TOKENS);
  }
}
