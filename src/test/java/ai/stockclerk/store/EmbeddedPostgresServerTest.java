package ai.stockclerk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server that serve and demo run on keeps what it committed through a crash. */
class EmbeddedPostgresServerTest {

  @TempDir
  Path data;

  @Test
  void commitsAreFlushedToDiskBeforeTheyAreAcknowledged() throws Exception {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Files.createDirectories(data.resolve("pg")))) {
      DatabaseEndpoint endpoint = server.endpoint("postgres");
      try (Connection connection = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.username(),
          endpoint.password()); Statement statement = connection.createStatement()) {
        assertThat(setting(statement, "fsync")).isEqualTo("on");
        assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
        assertThat(setting(statement, "full_page_writes")).isEqualTo("on");
      }
    }
  }

  private static String setting(Statement statement, String name) throws Exception {
    try (ResultSet rows = statement.executeQuery("SHOW " + name)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
