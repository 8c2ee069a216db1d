package ai.stockclerk.channels.support;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelException.Failure;
import ai.stockclerk.channels.ConnectorLimits;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call to a vendor goes through here: timeouts, our user agent, the channel's request
 * budget, bounded retries of what may succeed later, and one classification of failures
 * ({@link FailureClassifier}). Messages and logs name the method and path only: credentials
 * travel in headers and (WooCommerce's fallback) query strings, which are never printed.
 */
public final class VendorHttpClient {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  public static final String DEFAULT_USER_AGENT = "StockClerk/1.0 (inventory sync)";

  private static final Logger log = LoggerFactory.getLogger(VendorHttpClient.class);

  private final HttpClient http;
  private final Duration requestTimeout;
  private final String userAgent;
  private final RetryPolicy retryPolicy;
  private final RequestBudget budget;
  private final Sleeper sleeper;
  private final Clock clock;

  private VendorHttpClient(Builder builder) {
    this.http = HttpClient.newBuilder()
        .connectTimeout(builder.connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
    this.requestTimeout = builder.requestTimeout;
    this.userAgent = builder.userAgent;
    this.retryPolicy = builder.retryPolicy;
    this.budget = builder.budget;
    this.sleeper = builder.sleeper;
    this.clock = builder.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  public RequestBudget budget() {
    return budget;
  }

  /** A call outside any channel budget (token endpoints). */
  public VendorResponse send(ChannelConnection connection, VendorRequest request) {
    return send(connection, null, request);
  }

  /** A call that spends one request of the channel's budget per attempt. */
  public VendorResponse send(ChannelConnection connection, ConnectorLimits limits, VendorRequest request) {
    for (int attempt = 1; ; attempt++) {
      if (limits != null) {
        budget.acquire(connection, limits);
      }
      Attempt outcome = attemptOnce(connection, request);
      if (outcome.response() != null) {
        return outcome.response();
      }
      VendorCallException failure = outcome.failure();
      if (limits != null && failure.httpStatus().orElse(0) == 429) {
        failure.retryAfter().ifPresent(wait -> budget.pause(connection.channelId(), limits, wait));
      }
      Duration wait = retryPolicy.backoff(attempt, failure.retryAfter().orElse(null));
      if (!worthRetrying(request, failure, attempt) || wait.compareTo(retryPolicy.maxWait()) > 0) {
        throw failure;
      }
      log.warn("channel {}: {} failed ({}), attempt {}/{}, retrying in {} ms",
          connection.channelId(), request, failure.getMessage(), attempt, retryPolicy.maxAttempts(), wait.toMillis());
      pause(connection, request, wait, failure);
    }
  }

  private boolean worthRetrying(VendorRequest request, VendorCallException failure, int attempt) {
    if (failure.failure() != Failure.RETRYABLE || attempt >= retryPolicy.maxAttempts()) {
      return false;
    }
    // A 429 was refused before doing anything; a timeout or 5xx may have done the work.
    return request.retrySafe() || failure.httpStatus().orElse(0) == 429;
  }

  private Attempt attemptOnce(ChannelConnection connection, VendorRequest request) {
    try {
      HttpResponse<byte[]> response = http.send(toHttpRequest(request), HttpResponse.BodyHandlers.ofByteArray());
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        log.debug("channel {}: {} -> {}", connection.channelId(), request, status);
        return new Attempt(new VendorResponse(status, response.headers(), response.body(), request, connection), null);
      }
      return new Attempt(null, VendorErrors.fromStatus(connection, request, response, clock.instant()));
    } catch (HttpTimeoutException timeout) {
      return new Attempt(null, VendorErrors.transport(connection, request, "timed out", timeout));
    } catch (IOException unreachable) {
      return new Attempt(null, VendorErrors.transport(connection, request, "could not be completed", unreachable));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw VendorErrors.transport(connection, request, "was interrupted", interrupted);
    } catch (IllegalArgumentException badRequest) {
      throw VendorErrors.misconfigured(connection, request);
    }
  }

  private HttpRequest toHttpRequest(VendorRequest request) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
        .timeout(requestTimeout)
        .header("User-Agent", userAgent)
        .header("Accept", "application/json");
    request.headers().forEach(builder::setHeader);
    byte[] body = request.body();
    builder.method(request.method(),
        body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    return builder.build();
  }

  private void pause(ChannelConnection connection, VendorRequest request, Duration wait, VendorCallException failure) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw failure;
    }
  }

  private record Attempt(VendorResponse response, VendorCallException failure) {}

  /** Settings with named defaults; Spring's properties are a thin layer over this. */
  public static final class Builder {
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private String userAgent = DEFAULT_USER_AGENT;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Sleeper sleeper = Sleeper.REAL;
    private Clock clock = Clock.systemUTC();
    private RequestBudget budget;

    public Builder connectTimeout(Duration value) {
      this.connectTimeout = value;
      return this;
    }

    public Builder requestTimeout(Duration value) {
      this.requestTimeout = value;
      return this;
    }

    public Builder userAgent(String value) {
      this.userAgent = value;
      return this;
    }

    public Builder retryPolicy(RetryPolicy value) {
      this.retryPolicy = value;
      return this;
    }

    public Builder sleeper(Sleeper value) {
      this.sleeper = value;
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    public Builder budget(RequestBudget value) {
      this.budget = value;
      return this;
    }

    public VendorHttpClient build() {
      if (budget == null) {
        budget = new RequestBudget(clock, sleeper, RequestBudget.DEFAULT_MAX_WAIT);
      }
      return new VendorHttpClient(this);
    }
  }
}
