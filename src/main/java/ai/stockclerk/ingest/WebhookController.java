package ai.stockclerk.ingest;

import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inbound vendor webhooks. Order of work: size limit (413), route (404), signature over the raw
 * bytes (401), parse (400 with a reason), inbox commit, then 200. A redelivery answers 200 too.
 */
@RestController
@RequestMapping("/webhooks")
class WebhookController {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  // Answers written as bytes: at hundreds of webhooks a second, picking and running a message
  // converter for a two-word answer costs more than storing the webhook does.
  private static final byte[] ACCEPTED = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] DUPLICATE = "{\"status\":\"duplicate\"}".getBytes(StandardCharsets.UTF_8);

  private final WebhookIngest ingest;
  private final int maxBytes;
  private final Clock clock = Clock.systemUTC();

  WebhookController(WebhookIngest ingest, @Value("${stockclerk.flow.webhook-max-bytes:1048576}") int maxBytes) {
    this.ingest = ingest;
    this.maxBytes = maxBytes;
  }

  @PostMapping("/{type}/{channelId}")
  ResponseEntity<byte[]> channel(@PathVariable String type, @PathVariable String channelId,
      HttpServletRequest http) {
    return handle(http, request -> ingest.accept(type, parseId(channelId), request));
  }

  @PostMapping("/{type}")
  ResponseEntity<byte[]> appWide(@PathVariable String type, HttpServletRequest http) {
    return handle(http, request -> ingest.acceptAppWide(type, request));
  }

  private ResponseEntity<byte[]> handle(HttpServletRequest http,
      java.util.function.Function<WebhookRequest, WebhookIngest.Accepted> work) {
    try {
      byte[] body = readLimited(http);
      if (body == null) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "webhook body is larger than " + maxBytes + " bytes");
      }
      WebhookIngest.Accepted accepted = work.apply(new WebhookRequest(fullUrl(http), headers(http), body,
          clock.instant()));
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
          .body(accepted == WebhookIngest.Accepted.NEW ? ACCEPTED : DUPLICATE);
    } catch (UnknownChannelException unknown) {
      return problem(HttpStatus.NOT_FOUND, "no such channel");
    } catch (WebhookRejectedException rejected) {
      return rejected.reason() == WebhookRejectedException.Reason.SIGNATURE
          ? problem(HttpStatus.UNAUTHORIZED, "signature does not match")
          : problem(HttpStatus.BAD_REQUEST, rejected.getMessage());
    } catch (IOException unreadable) {
      return problem(HttpStatus.BAD_REQUEST, "request body could not be read");
    }
  }

  /** The body, or null when it is over the limit (declared or streamed). */
  private byte[] readLimited(HttpServletRequest http) throws IOException {
    if (http.getContentLengthLong() > maxBytes) {
      return null;
    }
    try (InputStream in = http.getInputStream()) {
      byte[] body = in.readNBytes(maxBytes + 1);
      return body.length > maxBytes ? null : body;
    }
  }

  private static UUID parseId(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException notAnId) {
      throw new UnknownChannelException();
    }
  }

  private static String fullUrl(HttpServletRequest http) {
    String query = http.getQueryString();
    return http.getRequestURL().toString() + (query == null ? "" : "?" + query);
  }

  private static Map<String, List<String>> headers(HttpServletRequest http) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(http.getHeaderNames())) {
      headers.put(name, new ArrayList<>(Collections.list(http.getHeaders(name))));
    }
    return headers;
  }

  private static ResponseEntity<byte[]> problem(HttpStatus status, String detail) {
    LOG.debug("webhook refused: {} {}", status.value(), detail);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("status", status.value());
    problem.put("title", status.getReasonPhrase());
    problem.put("detail", detail);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(JSON.writeValueAsBytes(problem));
  }
}
