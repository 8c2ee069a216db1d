package ai.stockclerk.agents.guardian;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * When each tenant's run falls: once per interval, at an offset inside it taken from a hash of the
 * tenant id. The offset is the same on every node and every restart, and spreads tenants evenly
 * over the interval instead of starting them all at :00.
 */
final class GuardianSchedule {

  private final long intervalMillis;

  GuardianSchedule(Duration interval) {
    this.intervalMillis = interval.toMillis();
  }

  long offsetMillis(UUID tenant) {
    return Math.floorMod(mix(tenant.getMostSignificantBits() ^ Long.rotateLeft(tenant.getLeastSignificantBits(), 29)),
        intervalMillis);
  }

  /** The latest run time of the tenant at or before {@code now}. */
  Instant latestSlot(UUID tenant, Instant now) {
    long shifted = now.toEpochMilli() - offsetMillis(tenant);
    return Instant.ofEpochMilli(Math.floorDiv(shifted, intervalMillis) * intervalMillis + offsetMillis(tenant));
  }

  /** Murmur3's finaliser: neighbouring ids land far apart. */
  private static long mix(long value) {
    long h = value;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
