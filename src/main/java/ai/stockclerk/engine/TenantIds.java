package ai.stockclerk.engine;

/** Tenant ids end up in Redis keys and metric tags, so only a safe alphabet is accepted. */
final class TenantIds {

  private TenantIds() {}

  static void check(String tenant) {
    if (tenant == null || !tenant.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
      throw new IllegalArgumentException("tenant id must be 1-64 chars of [A-Za-z0-9_.-]");
    }
  }
}
