package ai.stockclerk.store;

import java.util.Optional;

/** The embedded server when the process runs one, so the context stops it after the pool closes. */
final class EmbeddedDatabaseHolder implements AutoCloseable {

  private final EmbeddedPostgresServer server;

  EmbeddedDatabaseHolder(EmbeddedPostgresServer server) {
    this.server = server;
  }

  Optional<EmbeddedPostgresServer> server() {
    return Optional.ofNullable(server);
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
