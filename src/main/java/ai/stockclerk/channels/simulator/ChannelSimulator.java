package ai.stockclerk.channels.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake sales channel that speaks one vendor's wire format, so the real connector runs against it
 * unchanged but for its base URL. Keeps per-item stock, can be made slow, rate limited or failing,
 * and sends the vendor's signed webhook when a sale happens. Controlled from Java or over HTTP
 * under {@code /_sim} (see {@link SimulatorControlApi}).
 */
public final class ChannelSimulator implements AutoCloseable {

  /** Calls kept for {@code GET /_sim/calls}; older ones are dropped. */
  static final int MAX_RECORDED_CALLS = 10_000;

  private final SimulatorDialect dialect;
  private final SimulatedStore store = new SimulatedStore();
  private final FaultPlan faults = new FaultPlan();
  private final ConcurrentLinkedDeque<RecordedCall> calls = new ConcurrentLinkedDeque<>();
  private final AtomicInteger callCount = new AtomicInteger();
  private final WebhookSender sender = new WebhookSender();
  private final Clock clock;
  private final HttpServer server;
  private final ExecutorService executor;
  private volatile URI webhookTarget;
  private volatile String webhookSecret;

  static {
    // The JDK server writes a response's headers and body apart; without TCP_NODELAY the body
    // waits for the client's delayed ACK (~40 ms a call), which no vendor's server makes us wait.
    // Read once, when the JDK server's configuration loads: before the first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private ChannelSimulator(SimulatorDialect dialect, int port, URI webhookTarget, String webhookSecret, Clock clock)
      throws IOException {
    this.dialect = dialect;
    this.webhookTarget = webhookTarget;
    this.webhookSecret = webhookSecret;
    this.clock = clock;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    this.executor = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "simulator-" + dialect.vendor());
      thread.setDaemon(true);
      return thread;
    });
    SimulatorControlApi control = new SimulatorControlApi(this);
    server.createContext("/_sim", exchange -> respond(exchange, control.handle(read(exchange))));
    server.createContext("/", this::serveVendorCall);
    server.setExecutor(executor);
  }

  /** Starts a simulator of {@code vendor} on {@code port} (0 for any free port). */
  public static ChannelSimulator start(String vendor, int port, URI webhookTarget, String webhookSecret) {
    SimulatorDialect dialect = SimulatorDialects.named(vendor)
        .orElseThrow(() -> new IllegalArgumentException("unknown vendor '" + vendor + "'; known: " + SimulatorDialects.names()));
    return start(dialect, port, webhookTarget, webhookSecret);
  }

  /** Starts a simulator with a dialect of one's own (a vendor not yet listed). */
  public static ChannelSimulator start(SimulatorDialect dialect, int port, URI webhookTarget, String webhookSecret) {
    try {
      ChannelSimulator simulator = new ChannelSimulator(dialect, port, webhookTarget, webhookSecret, Clock.systemUTC());
      simulator.server.start();
      return simulator;
    } catch (IOException cannotListen) {
      throw new IllegalStateException("simulator cannot listen on port " + port, cannotListen);
    }
  }

  public String vendor() {
    return dialect.vendor();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The base URL a channel's {@code apiBaseUrl} is set to. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port());
  }

  public SimulatedItem createItem(String externalId, String sku, int level) {
    return store.create(externalId, sku, null, level);
  }

  public Optional<SimulatedItem> item(String externalId) {
    return store.find(externalId);
  }

  public List<SimulatedItem> items() {
    return store.all();
  }

  /**
   * A sale on the channel: lowers the level and sends the vendor's webhook to the target.
   *
   * @return the target's HTTP status, 0 when no target is set, -1 when unreachable; empty when
   *     the item does not exist
   */
  public Optional<SaleOutcome> sale(String externalId, int quantity) {
    return store.adjust(externalId, -quantity).map(item -> {
      URI target = webhookTarget;
      String secret = webhookSecret;
      if (target == null || secret == null) {
        return new SaleOutcome(item, 0);
      }
      OutgoingWebhook webhook = dialect.stockChanged(item, quantity, target, secret, clock.instant());
      return new SaleOutcome(item, sender.deliver(target, webhook));
    });
  }

  /** The webhook a sale would send, without changing anything (for tests of the parsers). */
  public OutgoingWebhook webhookFor(String externalId, int quantity, URI target, String secret) {
    SimulatedItem item = store.find(externalId).orElseThrow(() -> new IllegalArgumentException("no item " + externalId));
    return dialect.stockChanged(item, quantity, target, secret, clock.instant());
  }

  /** Someone edits the level in the vendor's back office and no webhook comes: drift. */
  public Optional<SimulatedItem> manualEdit(String externalId, int level) {
    return store.set(externalId, level);
  }

  public void webhookTarget(URI target, String secret) {
    this.webhookTarget = target;
    this.webhookSecret = secret;
  }

  public long setCalls() {
    return store.setCalls();
  }

  public List<RecordedCall> calls() {
    return new ArrayList<>(calls);
  }

  public int callCount() {
    return callCount.get();
  }

  public void failNext(int count, int status) {
    faults.failNext(count, status);
  }

  public void timeoutNext(int count, Duration stall) {
    faults.timeoutNext(count, stall);
  }

  public void unauthorized(boolean refuse) {
    faults.unauthorized(refuse);
  }

  public void latency(Duration latency) {
    faults.latency(latency);
  }

  public void rateLimit(int perSecond) {
    faults.rateLimit(perSecond);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** What a sale did: the item afterwards and the webhook delivery status. */
  public record SaleOutcome(SimulatedItem item, int webhookStatus) {}

  private void serveVendorCall(HttpExchange exchange) throws IOException {
    SimRequest request = read(exchange);
    SimResponse response = answer(request);
    // Every call past the limit drops one old call; the deque's own size() walks all of it.
    boolean full = callCount.incrementAndGet() > MAX_RECORDED_CALLS;
    calls.addLast(new RecordedCall(request.method(), request.path(), response.status(), clock.instant()));
    if (full) {
      calls.pollFirst();
    }
    respond(exchange, response);
  }

  private SimResponse answer(SimRequest request) {
    pause(faults.latency());
    Optional<Duration> stall = faults.takeTimeout();
    if (stall.isPresent()) {
      pause(stall.get());
      return SimResponse.empty(504);
    }
    if (faults.unauthorized()) {
      return dialect.unauthorized();
    }
    Optional<Integer> failure = faults.takeFailure();
    if (failure.isPresent()) {
      return failureResponse(failure.get());
    }
    Optional<Duration> overLimit = faults.overLimit();
    if (overLimit.isPresent()) {
      return dialect.throttled(overLimit.get());
    }
    return dialect.handle(request, store)
        .orElseGet(() -> SimResponse.json(404, ai.stockclerk.channels.support.Json.object().put("error", "not found")));
  }

  /** An injected failure looks like what fronts vendors send: an HTML error page. */
  private static SimResponse failureResponse(int status) {
    String page = "<html><head><title>" + status + "</title></head><body><h1>Error " + status + "</h1></body></html>";
    return new SimResponse(status, Map.of("Content-Type", "text/html"), page.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static void pause(Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static SimRequest read(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
        values.isEmpty() ? "" : values.get(0)));
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(10 * 1024 * 1024);
    }
    URI uri = exchange.getRequestURI();
    return new SimRequest(exchange.getRequestMethod(), uri.getPath(), SimRequest.parseQuery(uri.getRawQuery()), headers, body);
  }

  private static void respond(HttpExchange exchange, SimResponse response) throws IOException {
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    byte[] body = response.body();
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
