package ai.stockclerk.ingest;

import ai.stockclerk.channels.WebhookRejectedException;
import ai.stockclerk.channels.WebhookRequest;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inbound vendor webhooks: {@code POST /webhooks/{type}/{channelId}}, and {@code POST
 * /webhooks/{type}} for vendors that send every shop to one URL. Order of work: size limit (413),
 * route (404), signature over the raw bytes (401), parse (400 with a reason), inbox commit, then
 * 200; a redelivery answers 200 too.
 *
 * <p>A plain servlet rather than an MVC controller: at hundreds of webhooks a second, handler
 * look-up, argument resolution and message-converter selection cost more than storing the webhook,
 * and a webhook needs none of them. Security filters (the firewall) still apply; webhooks are counted
 * by {@link WebhookOutcomes} rather than observed request by request.
 */
class WebhookServlet extends HttpServlet {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookServlet.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final byte[] ACCEPTED = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] DUPLICATE = "{\"status\":\"duplicate\"}".getBytes(StandardCharsets.UTF_8);

  private final transient WebhookIngest ingest;
  private final transient WebhookOutcomes outcomes;
  private final int maxBytes;
  private final transient Clock clock = Clock.systemUTC();

  WebhookServlet(WebhookIngest ingest, WebhookOutcomes outcomes, int maxBytes) {
    this.ingest = ingest;
    this.outcomes = outcomes;
    this.maxBytes = maxBytes;
  }

  @Override
  protected void doPost(HttpServletRequest http, HttpServletResponse response) throws IOException {
    // The path after /webhooks: "/{type}" or "/{type}/{channelId}".
    String path = http.getPathInfo() == null ? "" : http.getPathInfo();
    String[] parts = path.startsWith("/") ? path.substring(1).split("/", -1) : new String[0];
    if (parts.length == 2 && !parts[0].isEmpty()) {
      handle(http, response, request -> ingest.accept(parts[0], parseId(parts[1]), request));
    } else if (parts.length == 1 && !parts[0].isEmpty()) {
      handle(http, response, request -> ingest.acceptAppWide(parts[0], request));
    } else {
      problem(response, HttpStatus.NOT_FOUND, "no such channel");
    }
  }

  @Override
  protected void service(HttpServletRequest http, HttpServletResponse response) throws IOException {
    try {
      if (!"POST".equals(http.getMethod())) {
        response.setHeader("Allow", "POST");
        problem(response, HttpStatus.METHOD_NOT_ALLOWED, "webhooks are delivered with POST");
        return;
      }
      doPost(http, response);
    } finally {
      outcomes.answered(response.getStatus());
    }
  }

  private void handle(HttpServletRequest http, HttpServletResponse response,
      Function<WebhookRequest, WebhookIngest.Accepted> work) throws IOException {
    try {
      byte[] body = readLimited(http);
      if (body == null) {
        problem(response, HttpStatus.PAYLOAD_TOO_LARGE, "webhook body is larger than " + maxBytes + " bytes");
        return;
      }
      WebhookIngest.Accepted accepted = work.apply(new WebhookRequest(fullUrl(http), headers(http), body,
          clock.instant()));
      write(response, HttpStatus.OK, MediaType.APPLICATION_JSON_VALUE,
          accepted == WebhookIngest.Accepted.NEW ? ACCEPTED : DUPLICATE);
    } catch (UnknownChannelException unknown) {
      problem(response, HttpStatus.NOT_FOUND, "no such channel");
    } catch (WebhookRejectedException rejected) {
      if (rejected.reason() == WebhookRejectedException.Reason.SIGNATURE) {
        problem(response, HttpStatus.UNAUTHORIZED, "signature does not match");
      } else {
        problem(response, HttpStatus.BAD_REQUEST, rejected.getMessage());
      }
    } catch (IOException unreadable) {
      problem(response, HttpStatus.BAD_REQUEST, "request body could not be read");
    } catch (DataAccessException storeDown) {
      // Not stored: the vendor's own retry delivers it again once the database answers.
      LOG.error("webhook not stored: the database did not answer", storeDown);
      problem(response, HttpStatus.SERVICE_UNAVAILABLE, "the webhook could not be stored; send it again later");
    } catch (RuntimeException unexpected) {
      LOG.error("webhook not stored", unexpected);
      problem(response, HttpStatus.INTERNAL_SERVER_ERROR, "something went wrong on our side");
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

  private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    LOG.debug("webhook refused: {} {}", status.value(), detail);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("status", status.value());
    problem.put("title", status.getReasonPhrase());
    problem.put("detail", detail);
    write(response, status, MediaType.APPLICATION_PROBLEM_JSON_VALUE, JSON.writeValueAsBytes(problem));
  }

  private static void write(HttpServletResponse response, HttpStatus status, String contentType, byte[] body)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(contentType);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
