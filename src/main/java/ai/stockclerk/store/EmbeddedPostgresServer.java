package ai.stockclerk.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL started by the process itself, its data kept in a directory across restarts:
 * embedded mode has the same SQL dialect, row-level security and locking as production, and the
 * same durability: a webhook is answered 200 only after its row commits, so a commit must survive a
 * crash of the machine (the library's defaults, made for throw-away test databases, turn
 * {@code fsync} and {@code synchronous_commit} off).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** A server whose commits survive a crash: what {@code serve} and {@code demo} run on. */
  public static EmbeddedPostgresServer start(Path dataDirectory) {
    return start(dataDirectory, true);
  }

  /**
   * A server for throw-away data (tests): {@code durable = false} keeps the library's settings,
   * which skip flushing to disk.
   */
  public static EmbeddedPostgresServer start(Path dataDirectory, boolean durable) {
    try {
      Files.createDirectories(dataDirectory);
      long started = System.nanoTime();
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .setPGStartupWait(Duration.ofSeconds(30));
      if (durable) {
        // Given after the library's own "-F" (fsync off) on the command line, so these win.
        builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
      }
      EmbeddedPostgres postgres = builder.start();
      log.info("Embedded PostgreSQL ready on port {} with data in {} ({} ms)", postgres.getPort(), dataDirectory,
          (System.nanoTime() - started) / 1_000_000);
      return new EmbeddedPostgresServer(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDirectory, e);
    }
  }

  public DatabaseEndpoint endpoint(String database) {
    return new DatabaseEndpoint(postgres.getJdbcUrl("postgres", database), "postgres", "");
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      log.warn("Embedded PostgreSQL did not stop cleanly", e);
    }
  }
}
