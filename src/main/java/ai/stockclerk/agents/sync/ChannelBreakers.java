package ai.stockclerk.agents.sync;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.UUID;

/** One circuit breaker per channel: a dead channel stops being called, the others carry on. */
final class ChannelBreakers {

  private final CircuitBreakerRegistry registry;
  private final Duration openFor;

  ChannelBreakers(int failureRatePercent, Duration openFor) {
    this.openFor = openFor;
    this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(10)
        .minimumNumberOfCalls(5)
        .failureRateThreshold(failureRatePercent)
        .waitDurationInOpenState(openFor)
        .permittedNumberOfCallsInHalfOpenState(1)
        .build());
  }

  CircuitBreaker of(UUID channelId) {
    return registry.circuitBreaker(channelId.toString());
  }

  Duration openFor() {
    return openFor;
  }
}
