package ai.stockclerk.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** The demo talks to the service and the simulators over HTTP, as a user's tools would. */
final class DemoApi {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A response: status and parsed body (missing when empty or not JSON). */
  record Reply(int status, JsonNode body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private volatile String token;

  DemoApi(String base) {
    this.base = base;
  }

  void token(String value) {
    this.token = value;
  }

  Reply get(String path) {
    return send("GET", path, null);
  }

  Reply post(String path, Object body) {
    return send("POST", path, body);
  }

  Reply patch(String path, Object body) {
    return send("PATCH", path, body);
  }

  Reply put(String path, Object body) {
    return send("PUT", path, body);
  }

  Reply send(String method, String path, Object body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
        .timeout(Duration.ofSeconds(15))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (token != null && !path.startsWith("http")) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(response.statusCode(), parse(response.body()));
    } catch (IOException failed) {
      return new Reply(-1, MissingNode.getInstance());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return new Reply(-1, MissingNode.getInstance());
    }
  }

  private static JsonNode parse(byte[] bytes) {
    if (bytes.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(bytes);
    } catch (RuntimeException notJson) {
      return MissingNode.getInstance();
    }
  }
}
