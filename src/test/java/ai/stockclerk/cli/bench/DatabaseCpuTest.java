package ai.stockclerk.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.store.DatabaseEndpoint;
import ai.stockclerk.store.EmbeddedPostgresServer;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseCpuTest {

  @TempDir Path root;

  @Test
  void addsThePostmasterItsReapedChildrenAndItsLiveChildrenAndNothingElse() throws IOException {
    Path proc = Files.createDirectories(root.resolve("proc"));
    Path data = Files.createDirectories(root.resolve("data/postgres"));
    Files.writeString(data.resolve("postmaster.pid"), "4100\n" + data + "\n1700000000\n5432\n");
    // utime 10, stime 5, cutime 7, cstime 3 ticks
    stat(proc, 4100, "postgres", 1, 10, 5, 7, 3);
    // a backend: its command name holds spaces and parentheses, as PostgreSQL's titles can
    stat(proc, 4101, "postgres: app (x) 127.0.0.1", 4100, 20, 4, 0, 0);
    stat(proc, 4102, "postgres: walwriter", 4100, 1, 1, 0, 0);
    stat(proc, 4200, "java", 1, 500, 500, 0, 0);
    stat(proc, 4201, "postgres", 4200, 300, 300, 0, 0); // another server, not this one's child
    Files.createDirectories(proc.resolve("self"));

    assertThat(new DatabaseCpu(proc, data).nanos()).hasValue((10 + 5 + 7 + 3 + 20 + 4 + 1 + 1) * 10_000_000L);
  }

  @Test
  void countsTheWorkOfARunningEmbeddedServer() throws Exception {
    Path dataDir = root.resolve("service");
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), false)) {
      DatabaseCpu cpu = DatabaseCpu.ofServiceDataDir(dataDir);
      long before = cpu.nanos().orElseThrow();
      DatabaseEndpoint endpoint = server.endpoint("postgres");
      try (Connection connection = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.username(),
          endpoint.password()); Statement statement = connection.createStatement()) {
        statement.execute("SELECT count(*) FROM generate_series(1, 5000000)");
        // read while the backend that did the work runs (an ended one is counted once reaped)
        assertThat(cpu.nanos().orElseThrow() - before).isGreaterThanOrEqualTo(100_000_000L);
      }
    }
  }

  @Test
  void nothingToReadWithoutARunningEmbeddedServer() {
    assertThat(new DatabaseCpu(root.resolve("proc"), root.resolve("none")).nanos()).isEmpty();
  }

  private static void stat(Path proc, int pid, String command, int parent, long utime, long stime, long cutime,
      long cstime) throws IOException {
    Path dir = Files.createDirectories(proc.resolve(Integer.toString(pid)));
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
    Files.writeString(dir.resolve("stat"), pid + " (" + command + ") S " + parent + " 1 1 0 -1 4194560 10 0 0 0 "
        + utime + " " + stime + " " + cutime + " " + cstime + " 20 0 1 0 100 1000 10\n");
  }
}
