package ai.stockclerk.channels.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SupportHelpersTest {

  private static final byte[] KEY = "secret".getBytes(StandardCharsets.UTF_8);
  private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

  @Test
  void hmacMatchesKnownVector() {
    // RFC 4231 test case 2.
    byte[] mac = Hmacs.hmacSha256("Jefe".getBytes(StandardCharsets.US_ASCII),
        "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
    assertThat(Hmacs.hex(mac)).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void hmacOverPartsEqualsHmacOverConcatenation() {
    byte[] whole = Hmacs.hmacSha256(KEY, "https://x/y{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    byte[] parts = Hmacs.hmacSha256(KEY, "https://x/y".getBytes(StandardCharsets.UTF_8), BODY);
    assertThat(parts).isEqualTo(whole);
  }

  @Test
  void base64AndHexCompareAcceptOnlyTheRightValue() {
    byte[] mac = Hmacs.hmacSha256(KEY, BODY);
    assertThat(Hmacs.base64Matches(mac, Hmacs.base64(mac))).isTrue();
    assertThat(Hmacs.hexMatches(mac, Hmacs.hex(mac).toUpperCase())).isTrue();
    assertThat(Hmacs.base64Matches(mac, Hmacs.base64(Hmacs.hmacSha256("other".getBytes(), BODY)))).isFalse();
    assertThat(Hmacs.base64Matches(mac, "not base64 !!")).isFalse();
    assertThat(Hmacs.hexMatches(mac, "zz")).isFalse();
    assertThat(Hmacs.base64Matches(mac, null)).isFalse();
    assertThat(Hmacs.base64Matches(mac, "")).isFalse();
  }

  @Test
  void batchesSplitAtLimitKeepingOrder() {
    List<Integer> items = IntStream.range(0, 251).boxed().toList();
    List<List<Integer>> batches = Batches.split(items, 100);
    assertThat(batches).extracting(List::size).containsExactly(100, 100, 51);
    assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(items);
    assertThat(Batches.split(List.of(), 100)).isEmpty();
    assertThatThrownBy(() -> Batches.split(items, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void retryAfterReadsSecondsAndDates() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(RetryAfter.parse("2", now)).contains(Duration.ofSeconds(2));
    assertThat(RetryAfter.parse("2.0", now)).contains(Duration.ofSeconds(2));
    assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:00:30 GMT", now)).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Wed, 31 Dec 2025 23:00:00 GMT", now)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("-1", now)).isEmpty();
    assertThat(RetryAfter.parse("soon", now)).isEmpty();
    assertThat(RetryAfter.parse(null, now)).isEmpty();
  }
}
