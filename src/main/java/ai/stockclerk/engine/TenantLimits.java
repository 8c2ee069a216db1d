package ai.stockclerk.engine;

/**
 * A tenant's caps for one kind, from its plan. {@code weight} is its share in deficit round robin;
 * a negative cap means unlimited.
 */
public record TenantLimits(int weight, int concurrency, long maxDepth, int perMinute) {

  public static final int UNLIMITED = -1;
  public static final TenantLimits DEFAULT = new TenantLimits(1, UNLIMITED, UNLIMITED, UNLIMITED);

  public TenantLimits {
    if (weight < 1 || weight > 1000) {
      throw new IllegalArgumentException("weight must be 1..1000");
    }
  }

  public TenantLimits withConcurrency(int value) {
    return new TenantLimits(weight, value, maxDepth, perMinute);
  }

  public TenantLimits withMaxDepth(long value) {
    return new TenantLimits(weight, concurrency, value, perMinute);
  }

  public TenantLimits withPerMinute(int value) {
    return new TenantLimits(weight, concurrency, maxDepth, value);
  }

  public TenantLimits withWeight(int value) {
    return new TenantLimits(value, concurrency, maxDepth, perMinute);
  }
}
