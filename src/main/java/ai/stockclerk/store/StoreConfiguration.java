package ai.stockclerk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Opens the database (embedded or external), migrates it, and pools connections as the app role. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedDatabaseHolder embeddedDatabase(DatabaseProperties properties, @Value("${stockclerk.data-dir}") Path dataDir,
      ObjectProvider<EmbeddedPostgresStartup> earlyStart) {
    if (!properties.embedded()) {
      return new EmbeddedDatabaseHolder(null);
    }
    EmbeddedPostgresStartup startup = earlyStart.getIfAvailable(() -> EmbeddedPostgresStartup.begin(dataDir));
    return new EmbeddedDatabaseHolder(startup.await());
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(DatabaseProperties properties, EmbeddedDatabaseHolder embedded) {
    DatabaseEndpoint owner = embedded.server()
        .map(server -> server.endpoint("postgres"))
        .orElseGet(() -> new DatabaseEndpoint(properties.url(), properties.username(), properties.password()));
    SchemaMigrator.migrate(owner, properties.appRole());
    return new HikariDataSource(poolConfig(owner, properties));
  }

  @Bean
  PlatformTransactionManager transactionManager(DataSource dataSource) {
    return new DataSourceTransactionManager(dataSource);
  }

  @Bean
  TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
    return new TransactionTemplate(transactionManager);
  }

  @Bean
  JdbcClient jdbcClient(DataSource dataSource) {
    return JdbcClient.create(dataSource);
  }

  private static HikariConfig poolConfig(DatabaseEndpoint owner, DatabaseProperties properties) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("stockclerk");
    config.setJdbcUrl(owner.jdbcUrl());
    config.setMaximumPoolSize(properties.poolSize());
    if (properties.appUsername().isEmpty()) {
      config.setUsername(owner.username());
      config.setPassword(owner.password());
      // The owner skips row-level security; every pooled session therefore drops to the app role.
      config.setConnectionInitSql("SET ROLE " + properties.appRole());
    } else {
      config.setUsername(properties.appUsername());
      config.setPassword(properties.appPassword());
    }
    return config;
  }
}
