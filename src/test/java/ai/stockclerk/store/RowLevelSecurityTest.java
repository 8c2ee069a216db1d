package ai.stockclerk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.stockclerk.testing.ServiceTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The second wall: connected as the service's role, with tenant A set, a query that forgets its
 * tenant filter still sees none of tenant B's rows, on every table that has a tenant_id.
 */
class RowLevelSecurityTest extends ServiceTest {

  @Autowired JdbcClient jdbc;
  @Autowired Tenancy tenancy;
  @Autowired TenantStore tenants;
  @Autowired ProductStore products;
  @Autowired ChannelStore channels;
  @Autowired ChannelItemStore items;
  @Autowired AuditTrail audit;

  private UUID tenantA;
  private UUID tenantB;

  @BeforeEach
  void twoTenantsWithData() {
    tenantA = seed("a");
    tenantB = seed("b");
  }

  @Test
  void theServiceRoleIsNotTheOwnerAndCannotBypass() {
    String role = tenancy.inTenant(tenantA, () -> jdbc.sql("SELECT current_user").query(String.class).single());
    Boolean bypass = jdbc.sql("SELECT rolbypassrls OR rolsuper FROM pg_roles WHERE rolname = current_user")
        .query(Boolean.class).single();
    assertThat(role).isEqualTo("stockclerk_app");
    assertThat(bypass).isFalse();
  }

  @Test
  void everyTenantOwnedTableHasRowLevelSecurity() {
    List<String> unprotected = jdbc.sql("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT c.relrowsecurity
              AND (c.relname = 'tenants' OR EXISTS (SELECT 1 FROM information_schema.columns col
                   WHERE col.table_schema = 'public' AND col.table_name = c.relname
                     AND col.column_name = 'tenant_id'))
              AND c.relname <> 'operator_audit'""")
        .query(String.class).list();
    assertThat(unprotected).isEmpty();
  }

  @Test
  void unfilteredQueriesSeeOnlyTheCurrentTenant() {
    for (String table : tenantOwnedTables()) {
      String column = table.equals("tenants") ? "id" : "tenant_id";
      List<UUID> seen = tenancy.inTenant(tenantA,
          () -> jdbc.sql("SELECT DISTINCT " + column + " FROM " + table).query(UUID.class).list());
      assertThat(seen).as(table).containsOnly(tenantA);
      assertThat(seen).as(table + " has rows of tenant A to see").isNotEmpty();
    }
  }

  @Test
  void withoutATenantNothingIsVisible() {
    for (String table : tenantOwnedTables()) {
      long count = jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
      assertThat(count).as(table).isZero();
    }
  }

  @Test
  void rowsCannotBeWrittenIntoAnotherTenant() {
    assertThatThrownBy(() -> tenancy.runInTenant(tenantA, () -> jdbc.sql(
            "INSERT INTO products (id, tenant_id, sku, name) VALUES (?, ?, 'X', 'x')")
        .params(UUID.randomUUID(), tenantB).update()))
        .hasStackTraceContaining("row-level security");
    int moved = tenancy.inTenant(tenantA,
        () -> jdbc.sql("UPDATE products SET stock = 999").update());
    assertThat(moved).isEqualTo(1);
    long untouched = tenancy.inTenant(tenantB,
        () -> jdbc.sql("SELECT count(*) FROM products WHERE stock = 999").query(Long.class).single());
    assertThat(untouched).isZero();
  }

  @Test
  void theLedgerIsAppendOnlyForTheService() {
    assertThatThrownBy(() -> tenancy.runInTenant(tenantA,
        () -> jdbc.sql("DELETE FROM stock_movements").update()))
        .hasStackTraceContaining("permission denied");
  }

  private List<String> tenantOwnedTables() {
    return List.of("tenants", "users", "channels", "products", "channel_items", "stock_movements",
        "webhook_inbox", "audit_events", "alerts");
  }

  private UUID seed(String label) {
    UUID tenant = UUID.randomUUID();
    tenancy.runInTenant(tenant, () -> {
      tenants.createTenant("Tenant " + label, "rls-" + label + "-" + tenant, "trial", "trial", null);
      tenants.createUser("rls-" + label + "-" + tenant + "@example.com", "x", null, "owner");
      ProductRecord product = products.create("SKU-" + label, "Product " + label, null, 5, 1, null);
      UUID channelId = UUID.randomUUID();
      channels.create(channelId, "shopify", "Channel " + label, null, null, "v1:k1:x", "{}");
      items.create(product.id(), channelId, "ext-" + label, null);
      audit.record("test", "completed", channelId, product.id(), "test", null, null);
      jdbc.sql("INSERT INTO webhook_inbox (tenant_id, channel_id, dedup_key, body) VALUES (?, ?, ?, ?)")
          .params(tenant, channelId, "dedup-" + label, new byte[] {1}).update();
      jdbc.sql("INSERT INTO alerts (id, tenant_id, type, subject, message, dedup_key) VALUES (?, ?, 'system', 's', 'm', ?)")
          .params(UUID.randomUUID(), tenant, "k-" + label).update();
    });
    return tenant;
  }
}
