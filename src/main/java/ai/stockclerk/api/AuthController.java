package ai.stockclerk.api;

import ai.stockclerk.api.security.Caller;
import ai.stockclerk.api.security.LoginThrottle;
import ai.stockclerk.api.security.TokenService;
import ai.stockclerk.store.NotFoundException;
import ai.stockclerk.store.Tenancy;
import ai.stockclerk.store.TenantRecord;
import ai.stockclerk.store.TenantStore;
import ai.stockclerk.store.UserRecord;
import ai.stockclerk.tenants.Accounts;
import ai.stockclerk.tenants.Session;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up, login and "who am I". */
@RestController
@RequestMapping("/api/v1")
class AuthController {

  private final Accounts accounts;
  private final TokenService tokens;
  private final LoginThrottle throttle;
  private final Tenancy tenancy;
  private final TenantStore tenants;

  AuthController(Accounts accounts, TokenService tokens, LoginThrottle throttle, Tenancy tenancy,
      TenantStore tenants) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.throttle = throttle;
    this.tenancy = tenancy;
    this.tenants = tenants;
  }

  record RegisterRequest(
      @NotBlank @Size(min = 2, max = 255) String tenantName,
      @NotBlank @Email @Size(max = 320) String email,
      @NotBlank @Size(min = 8, max = 128) String password,
      @Size(max = 255) String name) {}

  record RegisterResponse(String token, Instant expiresAt, UUID tenantId, UUID userId) {}

  record LoginRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 128) String password) {}

  record LoginResponse(String token, Instant expiresAt) {}

  record MeResponse(UserView user, TenantView tenant) {}

  record UserView(UUID id, String email, String name, String role, boolean superAdmin, Instant createdAt) {}

  record TenantView(UUID id, String name, String slug, String plan, String status, Instant trialEndsAt,
      Instant createdAt) {}

  @PostMapping("/auth/register")
  @ResponseStatus(HttpStatus.CREATED)
  RegisterResponse register(@Valid @RequestBody RegisterRequest request) {
    Session session = accounts.register(request.tenantName(), request.email(), request.password(), request.name());
    TokenService.IssuedToken token = tokens.issue(session);
    return new RegisterResponse(token.token(), token.expiresAt(), session.tenantId(), session.userId());
  }

  @PostMapping("/auth/login")
  LoginResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
    throttle.acquire(request.email(), http.getRemoteAddr());
    TokenService.IssuedToken token = tokens.issue(accounts.login(request.email(), request.password()));
    return new LoginResponse(token.token(), token.expiresAt());
  }

  @GetMapping("/me")
  MeResponse me(Caller caller) {
    return tenancy.inTenant(caller.tenantId(), () -> {
      UserRecord user = tenants.user(caller.userId()).orElseThrow(() -> new NotFoundException("user"));
      TenantRecord tenant = tenants.tenant().orElseThrow(() -> new NotFoundException("tenant"));
      return new MeResponse(
          new UserView(user.id(), user.email(), user.name(), user.role(), user.superAdmin(), user.createdAt()),
          new TenantView(tenant.id(), tenant.name(), tenant.slug(), tenant.plan(), tenant.status(),
              tenant.trialEndsAt(), tenant.createdAt()));
    });
  }
}
