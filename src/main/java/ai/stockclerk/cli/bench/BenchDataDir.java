package ai.stockclerk.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/**
 * A benchmark run's data directory, deleted with what is in it when the run ends: the embedded
 * PostgreSQL of one flow run leaves close to a gigabyte behind.
 */
final class BenchDataDir implements AutoCloseable {

  private final Path path;

  private BenchDataDir(Path path) {
    this.path = path;
  }

  static BenchDataDir create(String prefix) throws IOException {
    return new BenchDataDir(Files.createTempDirectory(prefix));
  }

  Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    FileSystemUtils.deleteRecursively(path);
  }
}
