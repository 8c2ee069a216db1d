package ai.stockclerk.tenants;

import ai.stockclerk.store.Tenancy;
import ai.stockclerk.store.TenantStore;
import ai.stockclerk.store.UserRecord;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Sign-up and sign-in. A tenant and its owner are created in one transaction. */
@Service
public class Accounts {

  static final Duration TRIAL = Duration.ofDays(14);
  private static final String SLUG_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  private final Tenancy tenancy;
  private final TenantStore tenants;
  private final PasswordEncoder passwords;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  // Checked against when the e-mail is unknown, so both cases cost one hash check.
  private final String absentUserHash;

  Accounts(Tenancy tenancy, TenantStore tenants, PasswordEncoder passwords, Clock clock) {
    this.tenancy = tenancy;
    this.tenants = tenants;
    this.passwords = passwords;
    this.clock = clock;
    this.absentUserHash = passwords.encode(UUID.randomUUID().toString());
  }

  public Session register(String tenantName, String email, String password, String name) {
    UUID tenantId = UUID.randomUUID();
    String hash = passwords.encode(password);
    UserRecord owner = tenancy.inTenant(tenantId, () -> {
      tenants.createTenant(tenantName.trim(), slugFor(tenantName), Plan.TRIAL.wireName(), "trial",
          clock.instant().plus(TRIAL));
      return tenants.createUser(normalise(email), hash, name, "owner");
    });
    return new Session(owner.id(), tenantId, owner.role(), owner.superAdmin());
  }

  public Session login(String email, String password) {
    var candidate = tenants.loginCandidate(normalise(email));
    String hash = candidate.map(c -> c.passwordHash()).orElse(absentUserHash);
    boolean matches = passwords.matches(password, hash);
    if (candidate.isEmpty() || !matches) {
      throw new InvalidCredentialsException();
    }
    var user = candidate.get();
    return new Session(user.userId(), user.tenantId(), user.role(), user.superAdmin());
  }

  static String normalise(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  private String slugFor(String tenantName) {
    String base = tenantName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    base = base.isEmpty() ? "shop" : base.substring(0, Math.min(base.length(), 60));
    StringBuilder slug = new StringBuilder(base).append('-');
    for (int i = 0; i < 6; i++) {
      slug.append(SLUG_ALPHABET.charAt(random.nextInt(SLUG_ALPHABET.length())));
    }
    return slug.toString();
  }
}
