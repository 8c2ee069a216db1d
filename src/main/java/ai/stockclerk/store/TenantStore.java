package ai.stockclerk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tenants and their users. Every method runs inside {@link Tenancy#inTenant}. */
@Repository
public class TenantStore {

  private final JdbcClient jdbc;

  TenantStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Creates the tenant of the current transaction (the caller picked its id). */
  public TenantRecord createTenant(String name, String slug, String plan, String status, Instant trialEndsAt) {
    UUID id = Tenancy.current();
    try {
      jdbc.sql("INSERT INTO tenants (id, name, slug, plan, status, trial_ends_at) VALUES (?, ?, ?, ?, ?, ?)")
          .params(id, name, slug, plan, status, Rows.timestamp(trialEndsAt))
          .update();
    } catch (DuplicateKeyException e) {
      throw new ConflictException("a tenant with this slug already exists");
    }
    return tenant().orElseThrow();
  }

  public Optional<TenantRecord> tenant() {
    return jdbc.sql("SELECT * FROM tenants WHERE id = ?").param(Tenancy.current()).query(TenantStore::mapTenant).optional();
  }

  public UserRecord createUser(String email, String passwordHash, String name, String role) {
    UUID id = UUID.randomUUID();
    try {
      jdbc.sql("INSERT INTO users (id, tenant_id, email, password_hash, name, role) VALUES (?, ?, ?, ?, ?, ?)")
          .params(id, Tenancy.current(), email, passwordHash, name, role)
          .update();
    } catch (DuplicateKeyException e) {
      throw new ConflictException("a user with this e-mail already exists");
    }
    return user(id).orElseThrow();
  }

  public Optional<UserRecord> user(UUID userId) {
    return jdbc.sql("SELECT * FROM users WHERE id = ? AND tenant_id = ?")
        .params(userId, Tenancy.current())
        .query(TenantStore::user)
        .optional();
  }

  public List<UserRecord> users() {
    return jdbc.sql("SELECT * FROM users WHERE tenant_id = ? ORDER BY created_at")
        .param(Tenancy.current())
        .query(TenantStore::user)
        .list();
  }

  /** Finds a user by e-mail across tenants, through the owner-run look-up function. */
  public Optional<LoginCandidate> loginCandidate(String email) {
    return jdbc.sql("SELECT * FROM login_lookup(?)")
        .param(email)
        .query((rs, n) -> new LoginCandidate(Rows.uuid(rs, "user_id"), Rows.uuid(rs, "tenant_id"),
            rs.getString("password_hash"), rs.getString("role"), rs.getBoolean("super_admin")))
        .optional();
  }

  /** Tenants whose agents should run, for periodic work that visits every tenant. */
  public List<UUID> tenantIdsWithStatus(List<String> statuses) {
    return jdbc.sql("SELECT tenant_id FROM tenant_ids_with_status(?::text[])")
        .param(statuses.toArray(String[]::new))
        .query(UUID.class)
        .list();
  }

  static TenantRecord mapTenant(ResultSet rs, int row) throws SQLException {
    return new TenantRecord(Rows.uuid(rs, "id"), rs.getString("name"), rs.getString("slug"), rs.getString("plan"),
        rs.getString("status"), Rows.instant(rs, "trial_ends_at"), Rows.instant(rs, "created_at"));
  }

  static UserRecord user(ResultSet rs, int row) throws SQLException {
    return new UserRecord(Rows.uuid(rs, "id"), Rows.uuid(rs, "tenant_id"), rs.getString("email"),
        rs.getString("name"), rs.getString("role"), rs.getBoolean("super_admin"), Rows.instant(rs, "created_at"));
  }
}
