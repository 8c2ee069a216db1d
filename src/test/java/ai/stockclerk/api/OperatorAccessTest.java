package ai.stockclerk.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.testing.ApiCall;
import ai.stockclerk.testing.ServiceTest;
import ai.stockclerk.testing.TestApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import java.sql.Connection;
import java.sql.DriverManager;

/** Super-admins see across tenants only through the audited bypass. */
class OperatorAccessTest extends ServiceTest {

  @Test
  void superAdminListsTenantsAndTheAccessIsAudited() throws Exception {
    TestApi api = new TestApi(http());
    TestApi.Tenant other = api.register("Some Shop");
    TestApi.Tenant operatorTenant = api.register("Operator Home");
    ownerSql("UPDATE users SET super_admin = true WHERE id = '" + operatorTenant.userId() + "'");
    String token = api.post("/api/v1/auth/login", null,
        Map.of("email", operatorTenant.email(), "password", "correct horse battery")).text("token");

    ApiCall tenants = api.get("/api/v1/admin/tenants?size=200", token);

    assertThat(tenants.status()).isEqualTo(200);
    assertThat(tenants.raw()).contains(other.tenantId().toString(), operatorTenant.tenantId().toString());
    assertThat(auditedAccesses("user:" + operatorTenant.userId())).isEqualTo(1);
    assertThat(api.get("/api/v1/admin/tenants", other.token()).status()).isEqualTo(403);
  }

  /** The operator audit is write-only for the service; reading it is the owner's business. */
  private static long auditedAccesses(String actor) throws Exception {
    try (Connection owner = ownerConnection();
        var statement = owner.prepareStatement("SELECT count(*) FROM operator_audit WHERE actor = ?")) {
      statement.setString(1, actor);
      try (var rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void ownerSql(String sql) throws Exception {
    try (Connection owner = ownerConnection()) {
      owner.createStatement().execute(sql);
    }
  }

  private static Connection ownerConnection() throws Exception {
    return DriverManager.getConnection(database().jdbcUrl(), database().username(), database().password());
  }
}
