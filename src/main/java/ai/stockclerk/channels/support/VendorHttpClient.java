package ai.stockclerk.channels.support;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelException.Failure;
import ai.stockclerk.channels.ConnectorLimits;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call to a vendor goes through here: timeouts, our user agent, the channel's request
 * budget, bounded retries of what may succeed later, and one classification of failures
 * ({@link FailureClassifier}). Messages and logs name the method and path only: credentials
 * travel in headers and (WooCommerce's fallback) query strings, which are never printed.
 *
 * <p>Calls are blocking HTTP/1.1 on pooled, kept-alive connections (Apache HttpClient's classic
 * API): the calling worker does its own I/O, where the JDK client hands every exchange to a
 * selector thread and an executor and back, which costs more than the call at hundreds a second.
 */
public final class VendorHttpClient implements AutoCloseable {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  public static final String DEFAULT_USER_AGENT = "StockClerk/1.0 (inventory sync)";

  private static final Logger log = LoggerFactory.getLogger(VendorHttpClient.class);

  /** Connections kept per vendor host: every worker of a node may call one vendor at once. */
  static final int MAX_CONNECTIONS_PER_HOST = 64;
  static final int MAX_CONNECTIONS = 512;

  /**
   * Ends calls that outlive the request timeout. The socket timeout bounds each read only: a vendor
   * trickling its answer a byte at a time would otherwise hold a worker, and with enough such
   * channels every worker of the node, for as long as it liked. Apache's classic client has no
   * deadline for a whole exchange; cancelling the request closes its connection.
   */
  private static final ScheduledThreadPoolExecutor DEADLINES = deadlineTimer();

  private final CloseableHttpClient http;
  private final long requestTimeoutMillis;
  private final RetryPolicy retryPolicy;
  private final RequestBudget budget;
  private final Sleeper sleeper;
  private final Clock clock;

  private VendorHttpClient(Builder builder) {
    this.requestTimeoutMillis = builder.requestTimeout.toMillis();
    Timeout requestTimeout = Timeout.of(requestTimeoutMillis, TimeUnit.MILLISECONDS);
    this.http = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnPerRoute(MAX_CONNECTIONS_PER_HOST)
            .setMaxConnTotal(MAX_CONNECTIONS)
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(builder.connectTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .setSocketTimeout(requestTimeout)
                // A connection the vendor closed while idle is found before it is used.
                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                .build())
            .build())
        .setDefaultRequestConfig(RequestConfig.custom()
            .setResponseTimeout(requestTimeout)
            .setConnectionRequestTimeout(requestTimeout)
            .build())
        // Retries are ours (bounded, budgeted, only what is safe to repeat); redirects are refused.
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableAuthCaching()
        .disableContentCompression()
        .setUserAgent(builder.userAgent)
        .build();
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

  /** Closes the pooled connections (a Spring bean is closed with its context). */
  @Override
  public void close() {
    http.close(CloseMode.GRACEFUL);
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

  private static ScheduledThreadPoolExecutor deadlineTimer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "vendor-call-deadlines");
      thread.setDaemon(true);
      return thread;
    });
    // Nearly every call ends in time: its cancelled deadline leaves the queue at once.
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  private Attempt attemptOnce(ChannelConnection connection, VendorRequest request) {
    HttpUriRequestBase httpRequest;
    try {
      httpRequest = toHttpRequest(request);
    } catch (IllegalArgumentException badRequest) {
      throw VendorErrors.misconfigured(connection, request);
    }
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
      expired.set(true);
      httpRequest.cancel();
    }, requestTimeoutMillis, TimeUnit.MILLISECONDS);
    try {
      return exchange(connection, request, httpRequest);
    } catch (IOException failed) {
      if (expired.get()) {
        return new Attempt(null, VendorErrors.transport(connection, request, "timed out", failed));
      }
      return new Attempt(null, VendorErrors.transport(connection, request, "could not be completed", failed));
    } finally {
      deadline.cancel(false);
    }
  }

  private Attempt exchange(ChannelConnection connection, VendorRequest request, HttpUriRequestBase httpRequest)
      throws IOException {
    try {
      return http.execute(httpRequest, response -> {
        int status = response.getCode();
        HttpHeaders headers = headersOf(response);
        byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
        if (status >= 200 && status < 300) {
          log.debug("channel {}: {} -> {}", connection.channelId(), request, status);
          return new Attempt(new VendorResponse(status, headers, body, request, connection), null);
        }
        return new Attempt(null, VendorErrors.fromStatus(connection, request, status, headers, body, clock.instant()));
      });
    } catch (InterruptedIOException timeout) {
      // Socket, connect and pool timeouts are all InterruptedIOExceptions; only a bare one means
      // the worker was interrupted.
      if (timeout.getClass() == InterruptedIOException.class || Thread.currentThread().isInterrupted()) {
        Thread.currentThread().interrupt();
        throw VendorErrors.transport(connection, request, "was interrupted", timeout);
      }
      return new Attempt(null, VendorErrors.transport(connection, request, "timed out", timeout));
    } catch (IllegalArgumentException badRequest) {
      throw VendorErrors.misconfigured(connection, request);
    }
  }

  private HttpUriRequestBase toHttpRequest(VendorRequest request) {
    String scheme = request.uri().getScheme();
    if (request.uri().getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
      throw new IllegalArgumentException("not an http(s) URL with a host");
    }
    HttpUriRequestBase built = new HttpUriRequestBase(request.method(), request.uri());
    built.setHeader("Accept", "application/json");
    request.headers().forEach(built::setHeader);
    byte[] body = request.body();
    if (body.length > 0) {
      built.setEntity(new ByteArrayEntity(body, null));
    }
    return built;
  }

  private static HttpHeaders headersOf(ClassicHttpResponse response) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Header header : response.getHeaders()) {
      headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
    }
    return HttpHeaders.of(headers, (name, value) -> true);
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
