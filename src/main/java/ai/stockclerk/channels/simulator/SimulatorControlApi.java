package ai.stockclerk.channels.simulator;

import ai.stockclerk.channels.support.Json;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's control API (JSON):
 * <ul>
 *   <li>{@code POST /_sim/items {"externalId","sku","level"}} creates an item;
 *   <li>{@code GET /_sim/items} lists them, {@code GET /_sim/items/{id}} gives {@code {"externalId","level","available"}};
 *   <li>{@code PUT /_sim/items/{id} {"level"}} is a back-office edit: no webhook (drift);
 *   <li>{@code POST /_sim/sales {"externalId","quantity"}} lowers the level and sends the signed webhook;
 *   <li>{@code GET /_sim/calls} lists vendor calls received; {@code GET /_sim/stats} counts them and the set calls;
 *   <li>{@code POST /_sim/faults {"failNext","failStatus","timeoutNext","timeoutMs","unauthorized","latencyMs","rateLimitPerSecond"}};
 *   <li>{@code POST /_sim/webhook {"target","secret"}} sets where webhooks go.
 * </ul>
 */
final class SimulatorControlApi {

  private final ChannelSimulator simulator;

  SimulatorControlApi(ChannelSimulator simulator) {
    this.simulator = simulator;
  }

  SimResponse handle(SimRequest request) {
    String path = request.path();
    String method = request.method();
    JsonNode body = request.json();
    if (path.equals("/_sim/items") && method.equals("POST")) {
      return createItem(body);
    }
    if (path.equals("/_sim/items") && method.equals("GET")) {
      ArrayNode items = Json.MAPPER.createArrayNode();
      simulator.items().forEach(item -> items.add(view(item)));
      return SimResponse.json(200, items);
    }
    if (path.startsWith("/_sim/items/")) {
      String externalId = path.substring("/_sim/items/".length());
      if (method.equals("GET")) {
        return found(simulator.item(externalId));
      }
      if (method.equals("PUT") && body.path("level").isIntegralNumber()) {
        return found(simulator.manualEdit(externalId, body.path("level").asInt()));
      }
    }
    if (path.equals("/_sim/sales") && method.equals("POST")) {
      return sale(body);
    }
    if (path.equals("/_sim/calls") && method.equals("GET")) {
      ArrayNode calls = Json.MAPPER.createArrayNode();
      simulator.calls().forEach(c -> calls.addObject().put("method", c.method()).put("path", c.path())
          .put("status", c.status()).put("at", c.at().toString()));
      return SimResponse.json(200, calls);
    }
    if (path.equals("/_sim/stats") && method.equals("GET")) {
      return SimResponse.json(200, Json.object().put("vendor", simulator.vendor())
          .put("calls", simulator.callCount()).put("setCalls", simulator.setCalls()).put("items", simulator.items().size()));
    }
    if (path.equals("/_sim/faults") && method.equals("POST")) {
      return faults(body);
    }
    if (path.equals("/_sim/webhook") && method.equals("POST")) {
      String target = body.path("target").asString("");
      simulator.webhookTarget(target.isBlank() ? null : java.net.URI.create(target), body.path("secret").asString(null));
      return SimResponse.json(200, Json.object().put("target", target));
    }
    return SimResponse.json(404, Json.object().put("error", "unknown control call " + method + " " + path));
  }

  private SimResponse createItem(JsonNode body) {
    String externalId = body.path("externalId").asString("");
    if (externalId.isBlank() || !body.path("level").isIntegralNumber()) {
      return badRequest("externalId and an integer level are required");
    }
    SimulatedItem item = simulator.createItem(externalId, body.path("sku").asString(null), body.path("level").asInt());
    return SimResponse.json(201, view(item));
  }

  private SimResponse sale(JsonNode body) {
    String externalId = body.path("externalId").asString("");
    int quantity = body.path("quantity").asInt(1);
    if (externalId.isBlank() || quantity < 1) {
      return badRequest("externalId and a positive quantity are required");
    }
    return simulator.sale(externalId, quantity)
        .map(outcome -> SimResponse.json(200, view(outcome.item()).put("webhookStatus", outcome.webhookStatus())))
        .orElseGet(() -> SimResponse.json(404, Json.object().put("error", "no item " + externalId)));
  }

  private SimResponse faults(JsonNode body) {
    if (body.has("failNext")) {
      simulator.failNext(body.path("failNext").asInt(0), body.path("failStatus").asInt(503));
    }
    if (body.has("timeoutNext")) {
      simulator.timeoutNext(body.path("timeoutNext").asInt(0), Duration.ofMillis(body.path("timeoutMs").asLong(30_000)));
    }
    if (body.has("unauthorized")) {
      simulator.unauthorized(body.path("unauthorized").asBoolean(false));
    }
    if (body.has("latencyMs")) {
      simulator.latency(Duration.ofMillis(Math.max(0, body.path("latencyMs").asLong(0))));
    }
    if (body.has("rateLimitPerSecond")) {
      simulator.rateLimit(body.path("rateLimitPerSecond").asInt(0));
    }
    return SimResponse.json(200, Json.object().put("ok", true));
  }

  private static SimResponse found(Optional<SimulatedItem> item) {
    return item.map(i -> SimResponse.json(200, view(i)))
        .orElseGet(() -> SimResponse.json(404, Json.object().put("error", "no such item")));
  }

  private static ObjectNode view(SimulatedItem item) {
    return Json.object().put("externalId", item.externalId()).put("sku", item.sku())
        .put("level", item.level()).put("available", item.available());
  }

  private static SimResponse badRequest(String why) {
    return SimResponse.json(400, Json.object().put("error", why));
  }
}
