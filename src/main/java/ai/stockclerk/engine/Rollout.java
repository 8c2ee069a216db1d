package ai.stockclerk.engine;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Which tenants run {@code per-tenant}: those listed, plus a stable percentage chosen by hashing the
 * tenant id (CRC32, so every node and every restart agrees).
 */
public record Rollout(int perTenantPercent, Set<String> perTenantTenants) implements LaneRouter {

  public static final Rollout ALL_PER_TENANT = new Rollout(100, Set.of());
  public static final Rollout ALL_SHARED = new Rollout(0, Set.of());

  public Rollout {
    if (perTenantPercent < 0 || perTenantPercent > 100) {
      throw new IllegalArgumentException("per-tenant percent must be 0..100");
    }
    perTenantTenants = Set.copyOf(perTenantTenants);
  }

  public static Rollout of(IsolationMode mode) {
    return mode == IsolationMode.SHARED ? ALL_SHARED : ALL_PER_TENANT;
  }

  public IsolationMode modeOf(String tenant) {
    if (perTenantTenants.contains(tenant) || bucket(tenant) < perTenantPercent) {
      return IsolationMode.PER_TENANT;
    }
    return IsolationMode.SHARED;
  }

  @Override
  public String laneOf(String tenant) {
    return modeOf(tenant) == IsolationMode.PER_TENANT ? tenant : SHARED_LANE;
  }

  static int bucket(String tenant) {
    CRC32 crc = new CRC32();
    crc.update(tenant.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % 100);
  }
}
