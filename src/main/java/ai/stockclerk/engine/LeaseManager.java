package ai.stockclerk.engine;

import java.time.Duration;
import java.util.Optional;

/** Cluster-wide named leases with a TTL, for "run once cluster-wide" work (Guardian cycles, sweeps). */
public interface LeaseManager extends AutoCloseable {

  /** Takes the lease if it is free or expired (or already ours, which extends it). */
  Optional<Lease> tryAcquire(String name, String owner, Duration ttl);

  /** Extends a lease still held; empty if it expired or someone else holds it now. */
  Optional<Lease> renew(Lease lease, Duration ttl);

  /** Gives the lease up; false if it was no longer ours. */
  boolean release(Lease lease);

  /** Whether this exact lease (owner and token) is still the live one. */
  boolean isHeld(Lease lease);

  @Override
  default void close() {}
}
