package ai.stockclerk.store;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * An embedded PostgreSQL started before the Spring context, on its own thread, so the database's
 * first-start initialisation overlaps the context's start-up instead of following it.
 */
public final class EmbeddedPostgresStartup {

  private final CompletableFuture<EmbeddedPostgresServer> server;

  private EmbeddedPostgresStartup(CompletableFuture<EmbeddedPostgresServer> server) {
    this.server = server;
  }

  public static EmbeddedPostgresStartup begin(Path dataDir) {
    Path directory = dataDir.resolve("postgres");
    CompletableFuture<EmbeddedPostgresServer> future = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        future.complete(EmbeddedPostgresServer.start(directory));
      } catch (RuntimeException | Error e) {
        future.completeExceptionally(e);
      }
    }, "embedded-postgres-start");
    thread.setDaemon(true);
    thread.start();
    return new EmbeddedPostgresStartup(future);
  }

  EmbeddedPostgresServer await() {
    try {
      return server.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the embedded database started", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }
}
