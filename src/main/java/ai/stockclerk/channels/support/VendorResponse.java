package ai.stockclerk.channels.support;

import ai.stockclerk.channels.ChannelConnection;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** A vendor's 2xx answer. {@link #json()} turns a body that is not JSON into a typed failure. */
public record VendorResponse(
    int status, HttpHeaders headers, byte[] body, VendorRequest request, ChannelConnection connection) {

  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  public JsonNode json() {
    return Json.readResponse(this);
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "VendorResponse[" + request + " -> " + status + "]";
  }
}
