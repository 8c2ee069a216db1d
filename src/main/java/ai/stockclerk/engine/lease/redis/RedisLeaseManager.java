package ai.stockclerk.engine.lease.redis;

import ai.stockclerk.engine.Lease;
import ai.stockclerk.engine.LeaseManager;
import ai.stockclerk.engine.redis.LuaScript;
import ai.stockclerk.engine.redis.RedisBackend;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Leases in Redis: a hash per name (owner, token, expiry) and a counter for fencing tokens, both
 * under the tag {@code {lease:<name>}}. Expiry is judged with the callers' injected clock, so the
 * nodes' clocks must agree to well within the TTL (NTP does); the fencing token is what protects
 * the resource when they do not.
 */
public final class RedisLeaseManager implements LeaseManager {

  private static final LuaScript ACQUIRE = LuaScript.load("lease-acquire");
  private static final LuaScript CHECK = LuaScript.load("lease-renew");

  private final RedisBackend backend;
  private final Clock clock;

  public RedisLeaseManager(RedisBackend backend, Clock clock) {
    this.backend = backend;
    this.clock = clock;
  }

  @Override
  public Optional<Lease> tryAcquire(String name, String owner, Duration ttl) {
    List<Long> result = ACQUIRE.run(backend.sync(), ScriptOutputType.MULTI, new String[] {key(name), key(name) + ":fence"},
        owner, Long.toString(clock.millis()), Long.toString(ttl.toMillis()));
    if (result.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Lease(name, owner, result.get(0), Instant.ofEpochMilli(result.get(1))));
  }

  @Override
  public Optional<Lease> renew(Lease lease, Duration ttl) {
    long expires = check(lease, Long.toString(ttl.toMillis()), false);
    return expires < 0 ? Optional.empty()
        : Optional.of(new Lease(lease.name(), lease.owner(), lease.fencingToken(), Instant.ofEpochMilli(expires)));
  }

  @Override
  public boolean release(Lease lease) {
    return check(lease, "", true) > 0;
  }

  @Override
  public boolean isHeld(Lease lease) {
    return check(lease, "", false) > 0;
  }

  private long check(Lease lease, String ttl, boolean release) {
    return CHECK.run(backend.sync(), ScriptOutputType.INTEGER, new String[] {key(lease.name())},
        lease.owner(), Long.toString(lease.fencingToken()), Long.toString(clock.millis()), ttl, release ? "1" : "0");
  }

  private String key(String name) {
    return backend.prefix() + ":{lease:" + name + "}";
  }
}
