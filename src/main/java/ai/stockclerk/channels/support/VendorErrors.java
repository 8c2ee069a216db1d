package ai.stockclerk.channels.support;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelException.Failure;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Builds the typed failure for a vendor's answer, naming only what is safe to log. */
final class VendorErrors {

  /** Vendor error codes are identifiers; anything else in an error body stays out of messages. */
  private static final Pattern SAFE_CODE = Pattern.compile("[A-Za-z0-9_.\\-]{1,80}");

  private VendorErrors() {}

  static VendorCallException fromStatus(
      ChannelConnection connection, VendorRequest request, int status, HttpHeaders headers, byte[] body,
      Instant now) {
    Failure failure = FailureClassifier.forStatus(status);
    Duration retryAfter = headers.firstValue("Retry-After")
        .flatMap(value -> RetryAfter.parse(value, now)).orElse(null);
    String contentType = headers.firstValue("Content-Type").orElse("");
    String detail = contentType.contains("html")
        ? " (an HTML error page)"
        : vendorCode(body).map(code -> " (" + code + ")").orElse("");
    return new VendorCallException(
        "vendor answered " + request + " with HTTP " + status + detail, connection, failure, status, retryAfter, null);
  }

  static VendorCallException transport(ChannelConnection connection, VendorRequest request, String what, Throwable cause) {
    // The cause's message may quote the URL with its query string; keep only its type.
    return new VendorCallException(
        request + " " + what + " (" + cause.getClass().getSimpleName() + ")",
        connection, Failure.RETRYABLE, 0, null, null);
  }

  static VendorCallException misconfigured(ChannelConnection connection, VendorRequest request) {
    return new VendorCallException(
        request + " could not be built: check the channel's address settings",
        connection, Failure.AUTHENTICATION, 0, null, null);
  }

  /** Woo's {@code code}, Square's {@code errors[0].code}, Shopify GraphQL's {@code errors[0].extensions.code}. */
  static Optional<String> vendorCode(byte[] body) {
    return Json.tryParse(body).flatMap(node -> {
      JsonNode errors = node.path("errors");
      JsonNode first = errors.isArray() && !errors.isEmpty() ? errors.get(0) : node;
      return Json.text(first, "code")
          .or(() -> Json.text(first.path("extensions"), "code"));
    }).filter(code -> SAFE_CODE.matcher(code).matches());
  }
}
