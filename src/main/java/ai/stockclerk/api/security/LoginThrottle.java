package ai.stockclerk.api.security;

import ai.stockclerk.secrets.SecretsProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Limits login attempts per e-mail and per client address (token buckets), against password
 * guessing. The maps are cleared when they grow large, so rotating e-mails cannot exhaust memory;
 * a cleared bucket is a fresh budget, which is the safe side for users.
 */
@Component
public class LoginThrottle {

  private static final int MAX_TRACKED = 50_000;

  private final int perMinute;
  private final Map<String, Bucket> byEmail = new ConcurrentHashMap<>();
  private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();

  LoginThrottle(SecretsProperties properties) {
    this.perMinute = properties.loginAttemptsPerMinute();
  }

  /** Takes one attempt; throws with the wait when either budget is spent. */
  public void acquire(String email, String address) {
    ConsumptionProbe emailProbe = bucket(byEmail, email.trim().toLowerCase(), perMinute).tryConsumeAndReturnRemaining(1);
    ConsumptionProbe addressProbe = bucket(byAddress, address, perMinute * 5).tryConsumeAndReturnRemaining(1);
    if (!emailProbe.isConsumed() || !addressProbe.isConsumed()) {
      long waitNanos = Math.max(emailProbe.getNanosToWaitForRefill(), addressProbe.getNanosToWaitForRefill());
      throw new TooManyAttemptsException(Duration.ofNanos(waitNanos));
    }
  }

  private static Bucket bucket(Map<String, Bucket> buckets, String key, int capacity) {
    if (buckets.size() > MAX_TRACKED) {
      buckets.clear();
    }
    return buckets.computeIfAbsent(key, k -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, Duration.ofMinutes(1)).build())
        .build());
  }
}
