package ai.stockclerk.store;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every tenant, for operators. Only usable inside {@link OperatorAccess#acrossTenants}. */
@Repository
public class TenantDirectory {

  private final JdbcClient jdbc;

  TenantDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Page<TenantRecord> list(PageRequest page) {
    List<TenantRecord> items = jdbc.sql("SELECT * FROM tenants ORDER BY created_at, id LIMIT ? OFFSET ?")
        .params(page.size(), page.offset())
        .query(TenantStore::mapTenant)
        .list();
    long total = jdbc.sql("SELECT count(*) FROM tenants").query(Long.class).single();
    return new Page<>(items, page.page(), page.size(), total);
  }
}
