package ai.stockclerk.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchDataDirTest {

  @Test
  void aRunsDataDirectoryGoesWithEverythingInItWhenTheRunEnds() throws Exception {
    Path path;
    try (BenchDataDir dir = BenchDataDir.create("stockclerk-bench-test")) {
      path = dir.path();
      Files.write(Files.createDirectories(path.resolve("postgres/pg_wal")).resolve("000000010000000000000001"),
          new byte[4096]);
      assertThat(path).isDirectory();
    }
    assertThat(path).doesNotExist();
  }
}
