package ai.stockclerk.testing;

import ai.stockclerk.store.DatabaseEndpoint;
import ai.stockclerk.store.EmbeddedPostgresServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fresh, empty databases for tests: on the PostgreSQL at 127.0.0.1:5432 when it answers (CI has
 * one), otherwise on one embedded PostgreSQL started for the whole test run. Either way the tests
 * run against a real PostgreSQL; they are dropped when the JVM exits.
 */
public final class TestDatabases {

  private static final String LOCAL_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private static final List<String> CREATED = new ArrayList<>();
  private static DatabaseEndpoint admin;

  private TestDatabases() {}

  public static synchronized DatabaseEndpoint fresh() {
    DatabaseEndpoint server = admin();
    String name = "stockclerk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute(server, "CREATE DATABASE " + name);
    // Durability of each commit is not what tests check; without the flush they run several times faster.
    execute(server, "ALTER DATABASE " + name + " SET synchronous_commit = off");
    CREATED.add(name);
    return new DatabaseEndpoint(server.jdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + name + "$1"),
        server.username(), server.password());
  }

  /** Whether tests run on the machine's own PostgreSQL (else on an embedded one). */
  public static boolean usingLocalServer() {
    return admin().jdbcUrl().equals(LOCAL_ADMIN_URL);
  }

  private static synchronized DatabaseEndpoint admin() {
    if (admin == null) {
      admin = localAnswers() ? new DatabaseEndpoint(LOCAL_ADMIN_URL, "postgres", "") : startEmbedded();
      DatabaseEndpoint server = admin;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> dropAll(server)));
    }
    return admin;
  }

  private static boolean localAnswers() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", 5432), 300);
    } catch (IOException e) {
      return false;
    }
    try (Connection c = DriverManager.getConnection(LOCAL_ADMIN_URL, "postgres", "")) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static DatabaseEndpoint startEmbedded() {
    try {
      Path directory = Files.createTempDirectory("stockclerk-test-pg");
      EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, false); // throw-away data
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
      return server.endpoint("postgres");
    } catch (IOException e) {
      throw new IllegalStateException("could not create a directory for the embedded test database", e);
    }
  }

  private static void dropAll(DatabaseEndpoint server) {
    for (String name : CREATED) {
      try {
        execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      } catch (RuntimeException e) {
        // The server may be gone already at JVM exit; a leftover test database harms nothing.
      }
    }
  }

  private static void execute(DatabaseEndpoint server, String sql) {
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("could not run '" + sql + "' on the test server", e);
    }
  }
}
