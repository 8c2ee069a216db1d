package ai.stockclerk.api;

import ai.stockclerk.agents.guardian.DriftActions;
import ai.stockclerk.agents.guardian.Guardian;
import ai.stockclerk.agents.guardian.ReconcileScope;
import ai.stockclerk.agents.guardian.RunTrigger;
import ai.stockclerk.api.security.Caller;
import ai.stockclerk.store.GuardianRunRecord;
import ai.stockclerk.store.GuardianRunStore;
import ai.stockclerk.store.NotFoundException;
import ai.stockclerk.store.Page;
import ai.stockclerk.store.PageRequest;
import ai.stockclerk.store.Tenancy;
import java.time.Instant;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guardian through the API: run a reconciliation now (whole tenant, one channel or one product),
 * list past runs, and act on a drift Guardian left for a person.
 */
@RestController
@RequestMapping("/api/v1/sync")
class ReconcileController {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Guardian guardian;
  private final DriftActions actions;
  private final GuardianRunStore runs;
  private final Tenancy tenancy;

  ReconcileController(Guardian guardian, DriftActions actions, GuardianRunStore runs, Tenancy tenancy) {
    this.guardian = guardian;
    this.actions = actions;
    this.runs = runs;
    this.tenancy = tenancy;
  }

  /** Both fields optional: neither reconciles the whole tenant. */
  record ReconcileRequest(UUID channelId, UUID productId) {}

  record RunView(UUID id, String trigger, UUID channelId, UUID productId, String status, Instant startedAt,
      Instant finishedAt, long durationMs, int channelsChecked, int itemsChecked, int driftFound, int driftRepaired,
      int driftFlagged, int missingItems, int unmatchedItems, int errors, JsonNode report) {}

  @PostMapping("/reconcile")
  RunView reconcile(Caller caller, @RequestBody(required = false) ReconcileRequest request) {
    ReconcileScope scope = request == null ? ReconcileScope.WHOLE_TENANT
        : new ReconcileScope(request.channelId(), request.productId());
    return view(guardian.reconcile(caller.tenantId(), scope, RunTrigger.MANUAL));
  }

  @GetMapping("/reconcile/runs")
  Page<RunView> list(Caller caller, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    Page<GuardianRunRecord> found = tenancy.inTenant(caller.tenantId(), () -> runs.list(new PageRequest(page, size)));
    return new Page<>(found.items().stream().map(ReconcileController::view).toList(), found.page(), found.size(),
        found.total());
  }

  @GetMapping("/reconcile/runs/{id}")
  RunView run(Caller caller, @PathVariable UUID id) {
    return view(tenancy.inTenant(caller.tenantId(), () -> runs.find(id))
        .orElseThrow(() -> new NotFoundException("reconciliation run")));
  }

  @PostMapping("/drift/{itemId}/accept-channel")
  DriftActions.Outcome acceptChannel(Caller caller, @PathVariable UUID itemId) {
    return actions.acceptChannelLevel(caller.tenantId(), itemId);
  }

  @PostMapping("/drift/{itemId}/push-ours")
  DriftActions.Outcome pushOurs(Caller caller, @PathVariable UUID itemId) {
    return actions.pushOurLevel(caller.tenantId(), itemId);
  }

  private static RunView view(GuardianRunRecord run) {
    return new RunView(run.id(), run.trigger(), run.scopeChannelId(), run.scopeProductId(), run.status(),
        run.startedAt(), run.finishedAt(), run.durationMs(), run.channelsChecked(), run.itemsChecked(),
        run.driftFound(), run.driftRepaired(), run.driftFlagged(), run.missingItems(), run.unmatchedItems(),
        run.errors(), JSON.readTree(run.reportJson()));
  }
}
