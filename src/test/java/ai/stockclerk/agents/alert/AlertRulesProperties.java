package ai.stockclerk.agents.alert;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.store.LowStockLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Properties of the pure parts: unmapped-item counting, webhook signatures, back-off and severities. */
class AlertRulesProperties {

  @Property
  void unmappedItemsCountEachDistinctIdOnceWhateverTheOrderAndRepeats(
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 80) Integer> reports) {
    Map<String, Object> facts = new HashMap<>();
    for (Integer report : reports) {
      facts = AlertRules.mergeUnmapped(facts, Map.of("externalIds", List.of("item-" + report)));
    }
    long distinct = new HashSet<>(reports).size();
    if (reports.isEmpty()) {
      assertThat(facts).isEmpty();
      return;
    }
    assertThat(facts.get("count")).isEqualTo((int) distinct);
    @SuppressWarnings("unchecked")
    List<String> ids = (List<String>) facts.get("externalIds");
    assertThat(ids).doesNotHaveDuplicates().hasSize((int) Math.min(distinct, AlertRules.MAX_UNMAPPED_KEPT));
    assertThat(ids.get(0)).isEqualTo("item-" + reports.get(0));
  }

  @Property
  void aSignatureVerifiesOnlyForTheSameSecretTimestampAndBytes(@ForAll @StringLength(min = 16, max = 64) String secret,
      @ForAll byte[] body, @ForAll @IntRange(min = 0, max = 2_000_000_000) int timestamp,
      @ForAll @IntRange(min = 0, max = 1000) int flipAt) {
    String header = WebhookSignature.sign(secret, timestamp, body);
    assertThat(header).matches("sha256=[0-9a-f]{64}");
    assertThat(WebhookSignature.verify(secret, timestamp, body, header)).isTrue();
    assertThat(WebhookSignature.verify(secret, timestamp + 1L, body, header)).isFalse();
    assertThat(WebhookSignature.verify(secret + "x", timestamp, body, header)).isFalse();
    if (body.length > 0) {
      byte[] mutated = body.clone();
      mutated[flipAt % body.length] ^= 0x01;
      assertThat(WebhookSignature.verify(secret, timestamp, mutated, header)).isFalse();
    }
  }

  @Property
  void backOffGrowsNeverPassesItsCapAndEndsAtTheLastAttempt(@ForAll @IntRange(min = 1, max = 600) int baseSeconds,
      @ForAll @IntRange(min = 1, max = 20) int maxAttempts, @ForAll @IntRange(min = 1, max = 40) int failedAttempt) {
    Duration base = Duration.ofSeconds(baseSeconds);
    Duration cap = Duration.ofHours(1).plus(base);
    DeliveryBackoff backoff = new DeliveryBackoff(base, cap, maxAttempts);
    Instant now = Instant.parse("2031-01-01T00:00:00Z");
    Optional<Instant> next = backoff.next(failedAttempt, now);
    if (failedAttempt >= maxAttempts) {
      assertThat(next).isEmpty();
      return;
    }
    Duration wait = Duration.between(now, next.orElseThrow());
    assertThat(wait).isBetween(base, cap);
    Optional<Instant> later = backoff.next(failedAttempt + 1, now);
    later.ifPresent(at -> assertThat(Duration.between(now, at)).isGreaterThanOrEqualTo(wait));
  }

  @Property
  void lowStockSeverityRisesAsStockFalls(@ForAll @IntRange(min = -50, max = 100) int stock,
      @ForAll @IntRange(min = 0, max = 100) int threshold) {
    AlertSeverity severity = AlertRules.lowStockSeverity(new LowStockLevel(UUID.randomUUID(), "s", "n", stock, threshold));
    AlertSeverity lower = AlertRules.lowStockSeverity(new LowStockLevel(UUID.randomUUID(), "s", "n", stock - 1,
        threshold));
    assertThat(lower.atLeast(severity)).isTrue();
    assertThat(severity == AlertSeverity.HIGH).isEqualTo(stock <= 0);
  }

  @Property(tries = 50)
  void theInProcessBusHandsEveryEventToEverySubscriberOfItsTopic(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 2) Integer> topics) throws Exception {
    String[] names = {"a", "b", "c"};
    try (InProcessTenantEventBus bus = new InProcessTenantEventBus()) {
      List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
      java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(topics.size());
      for (String name : names) {
        bus.subscribe(name, (tenant, payload) -> {
          seen.add(name + payload.get("n"));
          done.countDown();
        });
      }
      UUID tenant = UUID.randomUUID();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < topics.size(); i++) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("n", i);
        payload.put("nullable", null);
        bus.publish(tenant, names[topics.get(i)], payload);
        expected.add(names[topics.get(i)] + i);
      }
      assertThat(done.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(seen).containsExactlyElementsOf(expected);
      assertThat(new LinkedHashSet<>(seen)).hasSize(topics.size());
    }
  }
}
