package ai.stockclerk.cli.bench;

import ai.stockclerk.engine.redis.RedisBackend;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;

/** Removes a benchmark's keys so runs leave nothing behind. */
final class BenchRedis {

  private BenchRedis() {}

  static void deletePrefix(RedisBackend backend, String prefix) {
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<String> page = backend.sync().scan(cursor, ScanArgs.Builder.matches(prefix + ":*").limit(1000));
      if (!page.getKeys().isEmpty()) {
        backend.sync().unlink(page.getKeys().toArray(String[]::new));
      }
      cursor = page;
    } while (!cursor.isFinished());
  }
}
