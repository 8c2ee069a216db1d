package ai.stockclerk.cli.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU time of an embedded PostgreSQL server: its postmaster and every process it started (backends,
 * WAL writer, autovacuum), read from Linux's {@code /proc}. On a machine the service shares with its
 * database, what a sale costs is the two together; the JVM's own share is {@link BenchCpu}.
 */
record DatabaseCpu(Path proc, Path postgresDataDir) {

  /** /proc counts in USER_HZ, which Linux fixes at 100 for user space whatever the kernel's tick. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  /** The embedded server under a service data directory, as {@code serve} lays it out. */
  static DatabaseCpu ofServiceDataDir(Path dataDir) {
    return new DatabaseCpu(Path.of("/proc"), dataDir.resolve("postgres"));
  }

  /**
   * Nanoseconds of CPU the server used so far, its ended children included; empty when there is no
   * {@code /proc} or no server running from that directory (an external database).
   */
  OptionalLong nanos() {
    try {
      Path pidFile = postgresDataDir.resolve("postmaster.pid");
      if (!Files.isReadable(pidFile)) {
        return OptionalLong.empty();
      }
      String postmaster = Files.readAllLines(pidFile).get(0).trim();
      String[] own = fields(proc.resolve(postmaster).resolve("stat"));
      if (own == null) {
        return OptionalLong.empty(); // a stale pid file: the server is not running
      }
      // utime, stime, and the CPU of children it has reaped (cutime, cstime)
      long ticks = Long.parseLong(own[11]) + Long.parseLong(own[12]) + Long.parseLong(own[13])
          + Long.parseLong(own[14]);
      try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, p -> isNumber(p.getFileName().toString()))) {
        for (Path process : processes) {
          String[] stat = fields(process.resolve("stat"));
          if (stat != null && stat[1].equals(postmaster)) {
            ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
          }
        }
      }
      return OptionalLong.of(ticks * NANOS_PER_TICK);
    } catch (IOException | RuntimeException unreadable) {
      return OptionalLong.empty();
    }
  }

  /** The fields after the command name (which may hold spaces): [0] is the state, [1] the parent. */
  private static String[] fields(Path stat) {
    try {
      String line = Files.readString(stat);
      return line.substring(line.lastIndexOf(')') + 2).split(" ");
    } catch (IOException gone) {
      return null; // the process ended between listing and reading
    }
  }

  private static boolean isNumber(String name) {
    return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
  }
}
