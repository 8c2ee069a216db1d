package ai.stockclerk.store;

import java.util.Map;
import org.flywaydb.core.Flyway;

/** Brings the schema up to date as the owner role, before the service's own pool opens. */
final class SchemaMigrator {

  private SchemaMigrator() {}

  static void migrate(DatabaseEndpoint owner, String appRole) {
    Flyway.configure()
        .dataSource(owner.jdbcUrl(), owner.username(), owner.password())
        .locations("classpath:db/migration")
        .placeholders(Map.of("app_role", appRole))
        .load()
        .migrate();
  }
}
