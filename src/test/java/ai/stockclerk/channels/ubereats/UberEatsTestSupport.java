package ai.stockclerk.channels.ubereats;

import ai.stockclerk.channels.WebhookRequest;
import ai.stockclerk.channels.support.Hmacs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Documented Uber Eats payloads, signed the way Uber signs them. */
final class UberEatsTestSupport {

  static final String CLIENT_SECRET = "uber-client-secret-never-logged";
  static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

  private UberEatsTestSupport() {}

  static String resource(String name) {
    try (InputStream in = UberEatsTestSupport.class.getResourceAsStream("/channels/ubereats/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sign(String secret, String body) {
    return Hmacs.hex(Hmacs.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8)));
  }

  static WebhookRequest request(String body, String signature) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("X-Environment", List.of("production"));
    if (signature != null) {
      headers.put("X-Uber-Signature", List.of(signature));
    }
    return new WebhookRequest("https://stockclerk.example/webhooks/ubereats", headers,
        body.getBytes(StandardCharsets.UTF_8), NOW);
  }
}
