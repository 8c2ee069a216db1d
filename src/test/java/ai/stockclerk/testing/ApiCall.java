package ai.stockclerk.testing;

import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/** A response from the service under test: status, headers, the raw body and its JSON (null when not JSON). */
public record ApiCall(int status, HttpHeaders headers, JsonNode body, String raw) {

  public String contentType() {
    return headers.getContentType() == null ? "" : headers.getContentType().toString();
  }

  public String text(String field) {
    return body.path(field).asString();
  }
}
