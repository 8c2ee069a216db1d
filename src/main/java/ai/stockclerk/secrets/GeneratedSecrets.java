package ai.stockclerk.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random keys kept in the data directory for embedded mode, so a small shop needs no settings and
 * its encrypted credentials and sessions survive a restart. Files are readable by the owner only.
 */
final class GeneratedSecrets {

  private GeneratedSecrets() {}

  static String loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
      }
      Files.createDirectories(file.getParent());
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      String encoded = Base64.getEncoder().encodeToString(key);
      Path temp = Files.createTempFile(file.getParent(), ".key", ".tmp");
      trySetOwnerOnly(temp);
      Files.writeString(temp, encoded, StandardCharsets.US_ASCII);
      Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return encoded;
    } catch (IOException e) {
      throw new UncheckedIOException("could not create the key file " + file, e);
    }
  }

  private static void trySetOwnerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the directory's own protection applies.
    }
  }
}
