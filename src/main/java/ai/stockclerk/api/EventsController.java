package ai.stockclerk.api;

import ai.stockclerk.agents.events.TenantEvents;
import ai.stockclerk.api.security.Caller;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Live events of the caller's tenant as Server-Sent Events, fed by the event bus. */
@RestController
@RequestMapping("/api/v1/events")
class EventsController {

  static final Set<String> STREAMED = Set.of(TenantEvents.STOCK_CHANGED, TenantEvents.SYNC_COMPLETED,
      TenantEvents.SYNC_FAILED, TenantEvents.CHANNEL_STATUS, TenantEvents.ALERT_RAISED);
  static final long TIMEOUT_MILLIS = 30 * 60 * 1000L;

  private final TenantEvents events;

  EventsController(TenantEvents events) {
    this.events = events;
  }

  @GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(Caller caller) throws IOException {
    SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
    TenantEvents.Subscription subscription = events.subscribe(caller.tenantId(), event -> {
      if (!STREAMED.contains(event.name())) {
        return;
      }
      try {
        emitter.send(SseEmitter.event().name(event.name()).data(event.payloadJson(), MediaType.APPLICATION_JSON));
      } catch (IOException | IllegalStateException gone) {
        emitter.completeWithError(gone);
      }
    });
    emitter.onCompletion(subscription::close);
    emitter.onTimeout(subscription::close);
    emitter.onError(error -> subscription.close());
    // A first comment makes proxies and browsers open the stream now, not on the first event.
    emitter.send(SseEmitter.event().comment("connected"));
    return emitter;
  }
}
