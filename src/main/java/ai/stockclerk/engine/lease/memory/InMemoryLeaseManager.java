package ai.stockclerk.engine.lease.memory;

import ai.stockclerk.engine.Lease;
import ai.stockclerk.engine.LeaseManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Leases for one process (embedded mode); tokens keep growing for the life of the process. */
public final class InMemoryLeaseManager implements LeaseManager {

  private final Clock clock;
  private final Map<String, Lease> held = new HashMap<>();
  private final Map<String, Long> tokens = new HashMap<>();

  public InMemoryLeaseManager(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Optional<Lease> tryAcquire(String name, String owner, Duration ttl) {
    Instant now = clock.instant();
    Lease current = held.get(name);
    if (current != null && current.expiresAt().isAfter(now)) {
      if (!current.owner().equals(owner)) {
        return Optional.empty();
      }
      return renew(current, ttl);
    }
    Lease lease = new Lease(name, owner, tokens.merge(name, 1L, Long::sum), now.plus(ttl));
    held.put(name, lease);
    return Optional.of(lease);
  }

  @Override
  public synchronized Optional<Lease> renew(Lease lease, Duration ttl) {
    if (!isHeld(lease)) {
      return Optional.empty();
    }
    Lease renewed = new Lease(lease.name(), lease.owner(), lease.fencingToken(), clock.instant().plus(ttl));
    held.put(lease.name(), renewed);
    return Optional.of(renewed);
  }

  @Override
  public synchronized boolean release(Lease lease) {
    Lease current = held.get(lease.name());
    if (current == null || current.fencingToken() != lease.fencingToken()) {
      return false;
    }
    held.remove(lease.name());
    return current.expiresAt().isAfter(clock.instant());
  }

  @Override
  public synchronized boolean isHeld(Lease lease) {
    Lease current = held.get(lease.name());
    return current != null && current.fencingToken() == lease.fencingToken()
        && current.owner().equals(lease.owner()) && current.expiresAt().isAfter(clock.instant());
  }
}
