package ai.stockclerk.engine;

/** Tenant ids end up in Redis keys and metric tags, so only a safe alphabet is accepted. */
final class TenantIds {

  private TenantIds() {}

  /** 1-64 chars of [A-Za-z0-9_.-], starting with a letter or digit; checked by hand as it runs per enqueue. */
  static void check(String tenant) {
    if (tenant == null || tenant.isEmpty() || tenant.length() > 64 || !letterOrDigit(tenant.charAt(0))) {
      throw new IllegalArgumentException("tenant id must be 1-64 chars of [A-Za-z0-9_.-]");
    }
    for (int i = 1; i < tenant.length(); i++) {
      char c = tenant.charAt(i);
      if (!letterOrDigit(c) && c != '_' && c != '.' && c != '-') {
        throw new IllegalArgumentException("tenant id must be 1-64 chars of [A-Za-z0-9_.-]");
      }
    }
  }

  private static boolean letterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
