package ai.stockclerk.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.testing.ApiCall;
import ai.stockclerk.testing.ServiceTest;
import ai.stockclerk.testing.TestApi;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** Every kind of bad request gets a 4xx problem+json and writes nothing. */
class BadInputTest extends ServiceTest {

  private TestApi api;
  private TestApi.Tenant tenant;

  @BeforeEach
  void setUp() {
    api = new TestApi(http());
    tenant = api.register("Bad Input Shop");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"sku\":\"A1\",\"name\":",                                             // malformed JSON
      "not json at all",                                                        // not JSON
      "{\"sku\":\"A1\",\"name\":\"n\",\"stock\":1,\"bufferStock\":0,\"x\":1}",  // unknown field
      "{\"name\":\"n\",\"stock\":1,\"bufferStock\":0}",                         // missing sku
      "{\"sku\":\"A1\",\"name\":\"n\",\"bufferStock\":0}",                      // missing stock
      "{\"sku\":\"A1\",\"name\":\"n\",\"stock\":\"12\",\"bufferStock\":0}",     // string for a number
      "{\"sku\":\"A1\",\"name\":\"n\",\"stock\":1.5,\"bufferStock\":0}",        // fraction for a count
      "{\"sku\":7,\"name\":\"n\",\"stock\":1,\"bufferStock\":0}",               // number for a text
      "{\"sku\":\"A1\",\"name\":\"n\",\"stock\":1,\"bufferStock\":-1}",         // negative buffer
      "{\"sku\":\"A1\",\"name\":\"n\",\"stock\":99999999999,\"bufferStock\":0}", // overflow
      "{\"sku\":\"\",\"name\":\"n\",\"stock\":1,\"bufferStock\":0}",            // blank sku
      "[1,2,3]",                                                                // wrong shape
      "{\"sku\":\"A1\",\"name\":\"n\",\"stock\":1,\"bufferStock\":0} {}",      // trailing content
      ""                                                                        // empty body
  })
  void badProductBodiesAreRefusedAndNothingIsWritten(String body) {
    ApiCall call = api.sendRaw(HttpMethod.POST, "/api/v1/products", tenant.token(), body);

    assertThat(call.status()).isBetween(400, 499);
    assertThat(call.contentType()).startsWith("application/problem+json");
    assertThat(call.body().path("status").asInt()).isEqualTo(call.status());
    assertThat(productCount()).isZero();
  }

  @Test
  void oversizedBodiesGet413() {
    String huge = "{\"sku\":\"A1\",\"name\":\"" + "x".repeat(200_000) + "\",\"stock\":1,\"bufferStock\":0}";

    ApiCall call = api.sendRaw(HttpMethod.POST, "/api/v1/products", tenant.token(), huge);

    assertThat(call.status()).isEqualTo(413);
    assertThat(call.contentType()).startsWith("application/problem+json");
    assertThat(productCount()).isZero();
  }

  @Test
  void sqlLookingTextIsStoredVerbatimAndHarmless() {
    String sku = "A1'; DROP TABLE products; --";
    ApiCall created = api.post("/api/v1/products", tenant.token(),
        Map.of("sku", sku, "name", "Robert'); DELETE FROM stock_movements;--", "stock", 3, "bufferStock", 0));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.text("sku")).isEqualTo(sku);
    ApiCall search = api.get("/api/v1/products?q=' OR '1'='1", tenant.token());
    assertThat(search.status()).isEqualTo(200);
    assertThat(search.body().path("total").asInt()).isZero();
    assertThat(productCount()).isEqualTo(1);
    assertThat(api.get("/api/v1/movements", tenant.token()).body().path("total").asInt()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/api/v1/products/1 OR 1=1",
      "/api/v1/products/'; DROP TABLE products;--",
      "/api/v1/products?page=-1",
      "/api/v1/products?size=100000",
      "/api/v1/products?page=1;DROP TABLE products",
      "/api/v1/movements?productId=not-a-uuid",
      "/api/v1/movements?from=yesterday"
  })
  void badPathsAndParametersAreRefused(String path) {
    ApiCall call = api.get(path, tenant.token());

    assertThat(call.status()).isEqualTo(400);
    assertThat(call.contentType()).startsWith("application/problem+json");
  }

  @Test
  void stockChangeNeedsExactlyOneOfDeltaAndSet() {
    UUID product = api.product(tenant, "S1", 10, 0);

    ApiCall both = api.post("/api/v1/products/" + product + "/stock", tenant.token(), Map.of("delta", 1, "set", 4));
    ApiCall neither = api.post("/api/v1/products/" + product + "/stock", tenant.token(), Map.of("reason", "x"));
    ApiCall badKind = api.post("/api/v1/products/" + product + "/stock", tenant.token(),
        Map.of("delta", 1, "kind", "theft"));

    assertThat(both.status()).isEqualTo(400);
    assertThat(neither.status()).isEqualTo(400);
    assertThat(badKind.status()).isEqualTo(400);
    assertThat(api.get("/api/v1/products/" + product, tenant.token()).body().path("stock").asInt()).isEqualTo(10);
  }

  @Test
  void unknownChannelTypeAndDisallowedFieldsAreRefused() {
    ApiCall unknownType = api.post("/api/v1/channels", tenant.token(), Map.of("type", "myspace", "name", "x"));
    ApiCall badUrl = api.post("/api/v1/channels", tenant.token(), Map.of("type", "shopify", "name", "x",
        "settings", Map.of("apiBaseUrl", "file:///etc/passwd")));

    assertThat(unknownType.status()).isEqualTo(400);
    assertThat(badUrl.status()).isEqualTo(400);
    assertThat(api.get("/api/v1/channels", tenant.token()).body().size()).isZero();
  }

  private int productCount() {
    return api.get("/api/v1/products", tenant.token()).body().path("total").asInt();
  }
}
