package ai.stockclerk.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the truth lives. With {@code url} blank the service starts its own PostgreSQL under the data
 * directory (embedded mode); otherwise it uses the given server. {@code username} migrates the
 * schema; the service then works as {@code appRole}, through its own login ({@code appUsername})
 * when one is given, else by {@code SET ROLE} on each pooled connection.
 */
@ConfigurationProperties("stockclerk.database")
public record DatabaseProperties(
    String url,
    String username,
    String password,
    String appRole,
    String appUsername,
    String appPassword,
    int poolSize) {

  public DatabaseProperties {
    url = blankToEmpty(url);
    username = blankToEmpty(username);
    password = blankToEmpty(password);
    appRole = appRole == null || appRole.isBlank() ? "stockclerk_app" : appRole;
    appUsername = blankToEmpty(appUsername);
    appPassword = blankToEmpty(appPassword);
    poolSize = poolSize <= 0 ? 20 : poolSize;
    if (!appRole.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("stockclerk.database.app-role must be a plain lower-case identifier");
    }
  }

  public boolean embedded() {
    return url.isEmpty();
  }

  private static String blankToEmpty(String value) {
    return value == null ? "" : value.trim();
  }
}
