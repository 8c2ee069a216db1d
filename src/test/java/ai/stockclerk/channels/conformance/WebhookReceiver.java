package ai.stockclerk.channels.conformance;

import ai.stockclerk.channels.WebhookRequest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real HTTP endpoint that keeps each webhook exactly as received, raw bytes and all. */
public final class WebhookReceiver implements AutoCloseable {

  private final HttpServer server;
  private final BlockingQueue<WebhookRequest> received = new LinkedBlockingQueue<>();

  public WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.createContext("/webhooks", exchange -> {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      received.add(new WebhookRequest(url().toString(), exchange.getRequestHeaders(), body, Instant.now()));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/channel");
  }

  public WebhookRequest next() throws InterruptedException {
    WebhookRequest request = received.poll(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("no webhook arrived");
    }
    return request;
  }

  public List<WebhookRequest> drain() {
    List<WebhookRequest> all = new java.util.ArrayList<>();
    received.drainTo(all);
    return all;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
