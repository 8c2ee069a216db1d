package ai.stockclerk.testing;

import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives the REST API as a client would: raw JSON in, status and JSON out. */
public final class TestApi {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final RestClient http;

  public TestApi(RestClient http) {
    this.http = http;
  }

  /** A signed-up tenant: its owner's token and the ids the service returned. */
  public record Tenant(String token, UUID tenantId, UUID userId, String email) {}

  public Tenant register(String name) {
    String email = "owner-" + UUID.randomUUID() + "@example.com";
    ApiCall call = send(HttpMethod.POST, "/api/v1/auth/register", null,
        Map.of("tenantName", name, "email", email, "password", "correct horse battery"));
    if (call.status() != 201) {
      throw new AssertionError("registration failed: " + call);
    }
    return new Tenant(call.text("token"), UUID.fromString(call.text("tenantId")),
        UUID.fromString(call.text("userId")), email);
  }

  public ApiCall send(HttpMethod method, String path, String token, Object body) {
    return sendRaw(method, path, token, body == null ? null : JSON.writeValueAsString(body));
  }

  public ApiCall sendRaw(HttpMethod method, String path, String token, String rawBody) {
    RestClient.RequestBodySpec request = http.method(method).uri(path);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (rawBody != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(rawBody);
    }
    return request.exchange((req, response) -> {
      byte[] bytes = response.getBody().readAllBytes();
      return new ApiCall(response.getStatusCode().value(), response.getHeaders(), parse(bytes),
          new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    });
  }

  private static JsonNode parse(byte[] bytes) {
    if (bytes.length == 0) {
      return tools.jackson.databind.node.MissingNode.getInstance();
    }
    try {
      return JSON.readTree(bytes);
    } catch (tools.jackson.core.JacksonException e) {
      return tools.jackson.databind.node.MissingNode.getInstance();
    }
  }

  public ApiCall get(String path, String token) {
    return send(HttpMethod.GET, path, token, null);
  }

  public ApiCall post(String path, String token, Object body) {
    return send(HttpMethod.POST, path, token, body);
  }

  /** Creates a product and returns its id. */
  public UUID product(Tenant tenant, String sku, int stock, int buffer) {
    ApiCall call = post("/api/v1/products", tenant.token(),
        Map.of("sku", sku, "name", "Product " + sku, "stock", stock, "bufferStock", buffer));
    expect(call, 201);
    return UUID.fromString(call.text("id"));
  }

  /** Creates a channel and returns the create response (with its webhook URL and secret). */
  public ApiCall channel(Tenant tenant, String type, String name) {
    ApiCall call = post("/api/v1/channels", tenant.token(),
        Map.of("type", type, "name", name, "credentials", Map.of("accessToken", "secret-token-" + name),
            "settings", Map.of()));
    expect(call, 201);
    return call;
  }

  public UUID mapping(Tenant tenant, UUID productId, UUID channelId, String externalId) {
    ApiCall call = post("/api/v1/mappings", tenant.token(),
        Map.of("productId", productId, "channelId", channelId, "externalId", externalId));
    expect(call, 201);
    return UUID.fromString(call.text("id"));
  }

  public static void expect(ApiCall call, int status) {
    if (call.status() != status) {
      throw new AssertionError("expected " + status + " but got " + call.status() + ": " + call.body());
    }
  }
}
