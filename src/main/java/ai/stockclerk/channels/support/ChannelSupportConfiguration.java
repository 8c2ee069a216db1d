package ai.stockclerk.channels.support;

import ai.stockclerk.engine.RateLimiter;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared HTTP plumbing every connector bean is built with. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChannelHttpProperties.class)
public class ChannelSupportConfiguration {

  /** Shares each channel's budget with the other nodes through the engine's limiter, when there is one. */
  @Bean
  RequestBudget channelRequestBudget(ChannelHttpProperties properties, ObjectProvider<RateLimiter> shared) {
    return new RequestBudget(Clock.systemUTC(), Sleeper.REAL, properties.maxBudgetWait(), shared.getIfAvailable());
  }

  @Bean
  VendorHttpClient vendorHttpClient(ChannelHttpProperties properties, RequestBudget budget) {
    return VendorHttpClient.builder()
        .connectTimeout(properties.connectTimeout())
        .requestTimeout(properties.requestTimeout())
        .userAgent(properties.userAgent())
        .retryPolicy(new RetryPolicy(properties.maxAttempts(), properties.initialBackoff(), properties.maxRetryWait()))
        .budget(budget)
        .build();
  }

  @Bean
  OAuthTokenCache channelTokenCache(ChannelHttpProperties properties) {
    return new OAuthTokenCache(Clock.systemUTC(), properties.tokenRefreshBefore());
  }
}
