package ai.stockclerk.testing;

import ai.stockclerk.store.DatabaseEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Base of tests that run the whole service on a random port against a real PostgreSQL database
 * of their own (one context, one database, shared by every subclass). Tests isolate themselves by
 * registering their own tenants.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceTest {

  private static final DatabaseEndpoint DATABASE = TestDatabases.fresh();
  private static final String ENCRYPTION_KEY = TestKeys.random32();
  private static final String JWT_SECRET = TestKeys.random32();

  @LocalServerPort
  protected int port;

  @DynamicPropertySource
  static void serviceProperties(DynamicPropertyRegistry registry) throws Exception {
    Path dataDir = Files.createTempDirectory("stockclerk-test-data");
    registry.add("stockclerk.database.url", DATABASE::jdbcUrl);
    registry.add("stockclerk.database.username", DATABASE::username);
    registry.add("stockclerk.database.password", DATABASE::password);
    registry.add("stockclerk.data-dir", dataDir::toString);
    registry.add("stockclerk.security.encryption-key", () -> ENCRYPTION_KEY);
    registry.add("stockclerk.security.jwt-secret", () -> JWT_SECRET);
    registry.add("stockclerk.security.bcrypt-strength", () -> "4");
    registry.add("stockclerk.channels.allow-api-base-url-override", () -> "true");
  }

  /** A client for this service that returns every response instead of throwing on 4xx/5xx. */
  protected RestClient http() {
    return RestClient.builder().requestFactory(TestHttp.plainFactory())
        .baseUrl("http://localhost:" + port)
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
        .build();
  }

  protected static DatabaseEndpoint database() {
    return DATABASE;
  }
}
