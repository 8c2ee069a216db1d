package ai.stockclerk.engine;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Consecutive failures per tenant and kind on this node. A tenant that keeps failing has its retries
 * pushed to the kind's longest back-off, so its broken integration stops cycling through the
 * workers while other tenants' jobs flow.
 */
final class TenantFailures {

  static final int STREAK_BEFORE_PENALTY = 5;

  private final ConcurrentHashMap<String, Integer> streaks = new ConcurrentHashMap<>();

  int failed(String tenant, JobKind kind) {
    return streaks.merge(tenant + '/' + kind.name(), 1, Integer::sum);
  }

  void succeeded(String tenant, JobKind kind) {
    if (!streaks.isEmpty()) {
      streaks.remove(tenant + '/' + kind.name());
    }
  }

  int streak(String tenant, JobKind kind) {
    return streaks.getOrDefault(tenant + '/' + kind.name(), 0);
  }

  Duration penalise(Duration delay, int streak, RetryPolicy policy) {
    return streak >= STREAK_BEFORE_PENALTY && delay.compareTo(policy.max()) < 0 ? policy.max() : delay;
  }
}
