package ai.stockclerk.api;

import ai.stockclerk.api.security.Caller;
import ai.stockclerk.store.OperatorAccess;
import ai.stockclerk.store.Page;
import ai.stockclerk.store.PageRequest;
import ai.stockclerk.store.TenantDirectory;
import ai.stockclerk.store.TenantRecord;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operator views across tenants: super-admins only, every use recorded in the operator audit. */
@RestController
@RequestMapping("/api/v1/admin")
class AdminController {

  private final OperatorAccess operator;
  private final TenantDirectory directory;

  AdminController(OperatorAccess operator, TenantDirectory directory) {
    this.operator = operator;
    this.directory = directory;
  }

  @GetMapping("/tenants")
  Page<TenantRecord> tenants(Caller caller, @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
    if (!caller.superAdmin()) {
      throw new AccessDeniedException("super-admins only");
    }
    return operator.acrossTenants("user:" + caller.userId(), "list tenants", null,
        () -> directory.list(new PageRequest(page, size)));
  }
}
