package ai.stockclerk.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Caps set per lane and kind by a test; everything else is unlimited. */
public final class TestLimits implements LimitsPolicy {

  private final Map<String, TenantLimits> limits = new ConcurrentHashMap<>();

  public TestLimits set(String lane, JobKind kind, TenantLimits value) {
    limits.put(lane + "/" + kind.name(), value);
    return this;
  }

  @Override
  public TenantLimits limits(String lane, JobKind kind) {
    return limits.getOrDefault(lane + "/" + kind.name(), TenantLimits.DEFAULT);
  }
}
