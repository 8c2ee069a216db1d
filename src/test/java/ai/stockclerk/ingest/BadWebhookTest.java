package ai.stockclerk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.stockclerk.channels.simulator.ChannelSimulator;
import ai.stockclerk.channels.simulator.OutgoingWebhook;
import ai.stockclerk.testing.ApiCall;
import ai.stockclerk.testing.ServiceTest;
import ai.stockclerk.testing.TestApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Bad webhooks are refused with the right status and write nothing; good ones still get through. */
class BadWebhookTest extends ServiceTest {

  private final HttpClient client = HttpClient.newHttpClient();
  @Autowired MeterRegistry meters;
  private ChannelSimulator shop;
  private TestApi api;
  private TestApi.Tenant tenant;
  private URI target;
  private String secret;
  private UUID product;

  @BeforeEach
  void connect() {
    api = new TestApi(http());
    tenant = api.register("Bad webhooks");
    shop = ChannelSimulator.start("shopify", 0, null, null);
    shop.createItem("501", "SKU-501", 10);
    secret = "whsec-" + UUID.randomUUID();
    ApiCall created = api.post("/api/v1/channels", tenant.token(), Map.of("type", "shopify", "name", "Shop",
        "credentials", Map.of("accessToken", "shpat", "shopDomain", "stockclerk-sim.myshopify.com",
            "webhookSecret", secret),
        "settings", Map.of("locationId", "gid://shopify/Location/1001", "apiBaseUrl", shop.baseUrl().toString())));
    TestApi.expect(created, 201);
    target = URI.create("http://localhost:" + port + "/webhooks/shopify/" + created.text("id"));
    product = api.product(tenant, "SKU-501", 10, 0);
    api.mapping(tenant, product, UUID.fromString(created.text("id")), "501");
  }

  @AfterEach
  void close() {
    shop.close();
  }

  @Test
  void refusesEachKindOfBadWebhookWithItsStatusAndAcceptsAGoodOneAfterwards() throws Exception {
    OutgoingWebhook good = shop.webhookFor("501", 1, target, secret);
    OutgoingWebhook forged = shop.webhookFor("501", 1, target, "not-the-secret");
    byte[] tampered = new String(good.body(), StandardCharsets.UTF_8).replace("\"available\":10", "\"available\":1")
        .getBytes(StandardCharsets.UTF_8);

    assertThat(post(target, good.headers(), forged.body().length == 0 ? new byte[0] : forged.body(), forged))
        .as("wrong signature").isEqualTo(401);
    assertThat(post(target, good.headers(), tampered, null)).as("tampered body").isEqualTo(401);
    assertThat(post(URI.create("http://localhost:" + port + "/webhooks/shopify/" + UUID.randomUUID()),
        good.headers(), good.body(), null)).as("unknown channel").isEqualTo(404);
    assertThat(post(URI.create("http://localhost:" + port + "/webhooks/shopify/not-an-id"), good.headers(),
        good.body(), null)).as("not an id").isEqualTo(404);
    assertThat(post(URI.create("http://localhost:" + port + "/webhooks/nosuchvendor/" + UUID.randomUUID()),
        good.headers(), good.body(), null)).as("unknown type").isEqualTo(404);
    byte[] huge = new byte[1024 * 1024 + 1];
    Arrays.fill(huge, (byte) ' ');
    assertThat(post(target, good.headers(), huge, null)).as("oversized").isEqualTo(413);
    OutgoingWebhook malformed = signed("{\"inventory_item_id\": \"not a number\"", good);
    assertThat(post(target, malformed.headers(), malformed.body(), null)).as("malformed").isEqualTo(400);

    assertThat(api.get("/api/v1/products/" + product, tenant.token()).body().path("stock").asInt()).isEqualTo(10);

    assertThat(post(target, good.headers(), good.body(), null)).as("valid").isEqualTo(200);
    assertThat(post(target, good.headers(), good.body(), null)).as("redelivered").isEqualTo(200);
  }

  @Test
  void webhooksAreCountedByStatusAndNotObservedOneByOne() throws Exception {
    double acceptedBefore = answered(200);
    double refusedBefore = answered(401);
    long postsBefore = observed(uri -> !uri.startsWith("/api"), "POST");
    long productReadsBefore = observed(uri -> uri.startsWith("/api/v1/products"), "GET");
    OutgoingWebhook good = shop.webhookFor("501", 1, target, secret);
    OutgoingWebhook forged = shop.webhookFor("501", 2, target, "not-the-secret");
    assertThat(post(target, good.headers(), good.body(), null)).isEqualTo(200);
    assertThat(post(target, forged.headers(), forged.body(), null)).isEqualTo(401);
    // Counted once the servlet returns, which can be just after the client has its answer.
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      assertThat(answered(200) - acceptedBefore).isEqualTo(1);
      assertThat(answered(401) - refusedBefore).isEqualTo(1);
    });
    api.get("/api/v1/products/" + product, tenant.token());
    await().atMost(Duration.ofSeconds(5)).until(
        () -> observed(uri -> uri.startsWith("/api/v1/products"), "GET") > productReadsBefore);
    assertThat(observed(uri -> !uri.startsWith("/api"), "POST")).as("webhooks are not observed one by one")
        .isEqualTo(postsBefore);
  }

  /** Requests the per-request observation timed, by method and a test of their uri tag. */
  private long observed(java.util.function.Predicate<String> uri, String method) {
    return meters.find("http.server.requests").tag("method", method).timers().stream()
        .filter(timer -> uri.test(String.valueOf(timer.getId().getTag("uri"))))
        .mapToLong(Timer::count).sum();
  }

  private double answered(int status) {
    Counter counter = meters.find(WebhookOutcomes.METER).tag("status", Integer.toString(status)).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void answersOtherMethodsAndPathsWithProblemsAndNeverAsksForAToken() throws Exception {
    HttpResponse<String> get = client.send(HttpRequest.newBuilder(target).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).contains("POST");
    assertThat(get.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    for (String path : List.of("/webhooks/", "/webhooks/shopify/" + UUID.randomUUID() + "/extra", "/webhooks//x")) {
      HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(path).isIn(400, 404);
      assertThat(answer.headers().firstValue("WWW-Authenticate")).as(path).isEmpty();
    }
    OutgoingWebhook good = shop.webhookFor("501", 1, target, secret);
    HttpRequest.Builder delivery = HttpRequest.newBuilder(target).POST(HttpRequest.BodyPublishers.ofByteArray(good.body()));
    good.headers().forEach((name, value) -> {
      if (!name.equalsIgnoreCase("content-length")) {
        delivery.header(name, value);
      }
    });
    HttpResponse<String> accepted = client.send(delivery.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(accepted.body()).isEqualTo("{\"status\":\"accepted\"}");
    assertThat(accepted.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
  }

  private OutgoingWebhook signed(String body, OutgoingWebhook like) {
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new java.util.LinkedHashMap<>(like.headers());
    headers.put("X-Shopify-Hmac-Sha256", ai.stockclerk.channels.support.Hmacs.base64(
        ai.stockclerk.channels.support.Hmacs.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), raw)));
    return new OutgoingWebhook(headers, raw);
  }

  private int post(URI uri, Map<String, String> headers, byte[] body, OutgoingWebhook signatureFrom) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach((name, value) -> {
      if (!name.equalsIgnoreCase("content-length")) {
        request.header(name, value);
      }
    });
    if (signatureFrom != null) {
      request.setHeader("X-Shopify-Hmac-Sha256", signatureFrom.headers().get("X-Shopify-Hmac-Sha256"));
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
