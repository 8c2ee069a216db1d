package ai.stockclerk.api;

import ai.stockclerk.agents.status.AgentActivity;
import ai.stockclerk.api.security.Caller;
import ai.stockclerk.engine.Engine;
import ai.stockclerk.store.AgentActivityStore;
import ai.stockclerk.store.Tenancy;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Each agent's state and counts for the caller's tenant: totals from the database plus what is not yet written. */
@RestController
@RequestMapping("/api/v1/agents")
class AgentsController {

  static final List<String> AGENTS = List.of(AgentActivity.WATCHER, AgentActivity.SYNC);

  private final Tenancy tenancy;
  private final AgentActivityStore store;
  private final AgentActivity activity;
  private final Engine engine;

  AgentsController(Tenancy tenancy, AgentActivityStore store, AgentActivity activity, Engine engine) {
    this.tenancy = tenancy;
    this.store = store;
    this.activity = activity;
    this.engine = engine;
  }

  record AgentView(String name, String state, Instant lastActivityAt, long processed, long errors, String lastError,
      Instant lastErrorAt) {}

  @GetMapping
  List<AgentView> list(Caller caller) {
    Map<String, AgentActivityStore.Activity> totals = new HashMap<>();
    tenancy.inTenant(caller.tenantId(), store::list).forEach(a -> totals.put(a.agent(), a));
    Map<String, AgentActivityStore.Activity> unflushed = activity.unflushed(caller.tenantId());
    String state = !engine.isRunning() ? "stopped" : engine.isPaused(caller.tenantId().toString()) ? "paused" : "running";
    return AGENTS.stream().map(name -> view(name, state, totals.get(name), unflushed.get(name))).toList();
  }

  private static AgentView view(String name, String state, AgentActivityStore.Activity saved,
      AgentActivityStore.Activity fresh) {
    long processed = (saved == null ? 0 : saved.processed()) + (fresh == null ? 0 : fresh.processed());
    long errors = (saved == null ? 0 : saved.errors()) + (fresh == null ? 0 : fresh.errors());
    Instant last = latest(saved == null ? null : saved.lastActivityAt(), fresh == null ? null : fresh.lastActivityAt());
    boolean freshError = fresh != null && fresh.lastError() != null;
    return new AgentView(name, state, last, processed, errors,
        freshError ? fresh.lastError() : saved == null ? null : saved.lastError(),
        freshError ? fresh.lastErrorAt() : saved == null ? null : saved.lastErrorAt());
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }
}
