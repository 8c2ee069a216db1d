package ai.stockclerk.channels.simulator;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** What the simulator is told to get wrong: failures, slowness, refusals and a rate limit. */
final class FaultPlan {

  private final AtomicInteger failNext = new AtomicInteger();
  private final AtomicInteger failStatus = new AtomicInteger(503);
  private final AtomicInteger timeoutNext = new AtomicInteger();
  private volatile Duration timeoutDelay = Duration.ofSeconds(30);
  private volatile boolean unauthorized;
  private volatile Duration latency = Duration.ZERO;
  private final AtomicReference<Bucket> rateLimit = new AtomicReference<>();

  void failNext(int count, int status) {
    failStatus.set(status);
    failNext.set(count);
  }

  void timeoutNext(int count, Duration delay) {
    timeoutDelay = delay;
    timeoutNext.set(count);
  }

  void unauthorized(boolean value) {
    unauthorized = value;
  }

  void latency(Duration value) {
    latency = value;
  }

  /** At most {@code perSecond} vendor calls a second; 0 removes the limit. */
  void rateLimit(int perSecond) {
    rateLimit.set(perSecond <= 0 ? null
        : Bucket.builder().addLimit(l -> l.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1))).build());
  }

  boolean unauthorized() {
    return unauthorized;
  }

  Duration latency() {
    return latency;
  }

  /** The status to fail this call with, if a failure is pending. */
  Optional<Integer> takeFailure() {
    return takeOne(failNext) ? Optional.of(failStatus.get()) : Optional.empty();
  }

  /** How long to stall this call, if a timeout is pending. */
  Optional<Duration> takeTimeout() {
    return takeOne(timeoutNext) ? Optional.of(timeoutDelay) : Optional.empty();
  }

  /** Empty when the call is within the rate limit; else how long until it would be. */
  Optional<Duration> overLimit() {
    Bucket bucket = rateLimit.get();
    if (bucket == null) {
      return Optional.empty();
    }
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  private static boolean takeOne(AtomicInteger counter) {
    return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }
}
