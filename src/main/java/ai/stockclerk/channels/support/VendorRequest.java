package ai.stockclerk.channels.support;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One call to a vendor. {@code retrySafe} says whether sending it twice is harmless (reads,
 * absolute sets, requests carrying an idempotency key); only such calls are retried after a
 * failure whose outcome is unknown (timeouts, 5xx).
 */
public record VendorRequest(String method, URI uri, Map<String, String> headers, byte[] body, boolean retrySafe) {

  public VendorRequest {
    Objects.requireNonNull(method);
    Objects.requireNonNull(uri);
    headers = Map.copyOf(headers);
    body = body == null ? new byte[0] : body.clone();
  }

  public static VendorRequest get(URI uri) {
    return new VendorRequest("GET", uri, Map.of(), null, true);
  }

  public static VendorRequest postJson(URI uri, String json) {
    return withBody("POST", uri, json, "application/json");
  }

  public static VendorRequest putJson(URI uri, String json) {
    return withBody("PUT", uri, json, "application/json");
  }

  public static VendorRequest postForm(URI uri, String formEncoded) {
    return withBody("POST", uri, formEncoded, "application/x-www-form-urlencoded");
  }

  private static VendorRequest withBody(String method, URI uri, String text, String contentType) {
    return new VendorRequest(
        method, uri, Map.of("Content-Type", contentType), text.getBytes(StandardCharsets.UTF_8), true);
  }

  public VendorRequest header(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new VendorRequest(method, uri, copy, body, retrySafe);
  }

  /** Marks a call that must not be repeated blindly (a delta, or a create without idempotency key). */
  public VendorRequest notRetrySafe() {
    return new VendorRequest(method, uri, headers, body, false);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** Method and path only: query strings and headers may carry credentials. */
  @Override
  public String toString() {
    return method + " " + uri.getRawPath();
  }
}
