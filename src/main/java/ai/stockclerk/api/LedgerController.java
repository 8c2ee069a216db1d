package ai.stockclerk.api;

import ai.stockclerk.api.security.Caller;
import ai.stockclerk.store.AuditEvent;
import ai.stockclerk.store.AuditTrail;
import ai.stockclerk.store.Movement;
import ai.stockclerk.store.MovementQuery;
import ai.stockclerk.store.MovementStore;
import ai.stockclerk.store.Page;
import ai.stockclerk.store.PageRequest;
import ai.stockclerk.store.Tenancy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The stock ledger and the audit trail, newest first. */
@RestController
@RequestMapping("/api/v1")
class LedgerController {

  private final MovementStore movements;
  private final AuditTrail audit;
  private final Tenancy tenancy;

  LedgerController(MovementStore movements, AuditTrail audit, Tenancy tenancy) {
    this.movements = movements;
    this.audit = audit;
    this.tenancy = tenancy;
  }

  record MovementView(long id, UUID productId, int delta, String kind, UUID sourceChannelId, String sourceEvent,
      String reason, int resultingStock, Instant createdAt) {
    static MovementView of(Movement m) {
      return new MovementView(m.id(), m.productId(), m.delta(), m.kind(), m.sourceChannelId(), m.sourceEvent(),
          m.reason(), m.resultingStock(), m.createdAt());
    }
  }

  @GetMapping("/movements")
  Page<MovementView> movements(Caller caller, @RequestParam(required = false) UUID productId,
      @RequestParam(required = false) UUID channelId, @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to, @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
    return tenancy.inTenant(caller.tenantId(), () -> {
      Page<Movement> found = movements.list(new MovementQuery(productId, channelId, from, to),
          new PageRequest(page, size));
      return new Page<>(found.items().stream().map(MovementView::of).toList(), found.page(), found.size(),
          found.total());
    });
  }

  @GetMapping("/audit")
  Page<AuditEvent> audit(Caller caller, @RequestParam(required = false) UUID productId,
      @RequestParam(required = false) UUID channelId, @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to, @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
    return tenancy.inTenant(caller.tenantId(),
        () -> audit.list(new MovementQuery(productId, channelId, from, to), new PageRequest(page, size)));
  }
}
