package ai.stockclerk.channels.support;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stockclerk.channels.http.*}: how the service talks to vendors. Every default is a named
 * constant of the class it configures.
 *
 * @param connectTimeout time to open a connection to a vendor
 * @param requestTimeout time for a whole vendor call
 * @param userAgent the User-Agent header sent to vendors
 * @param maxAttempts attempts per call for failures that may pass (429, 5xx, timeouts)
 * @param initialBackoff first wait between attempts; doubles with jitter
 * @param maxRetryWait longest wait spent inside one call; longer hints go back to the job engine
 * @param maxBudgetWait longest wait for the channel's request budget before giving the work back
 * @param tokenRefreshBefore how long before expiry an OAuth token is renewed
 */
@ConfigurationProperties("stockclerk.channels.http")
public record ChannelHttpProperties(
    Duration connectTimeout,
    Duration requestTimeout,
    String userAgent,
    Integer maxAttempts,
    Duration initialBackoff,
    Duration maxRetryWait,
    Duration maxBudgetWait,
    Duration tokenRefreshBefore) {

  public ChannelHttpProperties {
    connectTimeout = orDefault(connectTimeout, VendorHttpClient.DEFAULT_CONNECT_TIMEOUT);
    requestTimeout = orDefault(requestTimeout, VendorHttpClient.DEFAULT_REQUEST_TIMEOUT);
    userAgent = userAgent == null || userAgent.isBlank() ? VendorHttpClient.DEFAULT_USER_AGENT : userAgent;
    maxAttempts = maxAttempts == null ? RetryPolicy.DEFAULT_MAX_ATTEMPTS : maxAttempts;
    initialBackoff = orDefault(initialBackoff, RetryPolicy.DEFAULT_INITIAL_BACKOFF);
    maxRetryWait = orDefault(maxRetryWait, RetryPolicy.DEFAULT_MAX_WAIT);
    maxBudgetWait = orDefault(maxBudgetWait, RequestBudget.DEFAULT_MAX_WAIT);
    tokenRefreshBefore = orDefault(tokenRefreshBefore, OAuthTokenCache.DEFAULT_REFRESH_BEFORE);
  }

  private static Duration orDefault(Duration value, Duration fallback) {
    return value == null ? fallback : value;
  }
}
