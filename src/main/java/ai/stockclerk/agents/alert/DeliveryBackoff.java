package ai.stockclerk.agents.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When a failed send is tried again: doubling from the base up to the cap, for a bounded number of attempts. */
record DeliveryBackoff(Duration base, Duration max, int maxAttempts) {

  /** The next attempt after {@code failedAttempt} (1-based) failed at {@code now}; empty to give up. */
  Optional<Instant> next(int failedAttempt, Instant now) {
    if (failedAttempt >= maxAttempts) {
      return Optional.empty();
    }
    long doubled = base.toMillis() << Math.min(30, Math.max(0, failedAttempt - 1));
    long millis = doubled <= 0 ? max.toMillis() : Math.min(max.toMillis(), doubled);
    return Optional.of(now.plusMillis(millis));
  }
}
