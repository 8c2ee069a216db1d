package ai.stockclerk.agents.status;

import ai.stockclerk.store.AgentActivityStore;
import ai.stockclerk.store.Tenancy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts what the agents do per tenant in memory and adds it to the database in the background,
 * so a busy agent costs no extra write per job and the totals survive a restart.
 */
@Component
public class AgentActivity {

  public static final String WATCHER = "watcher";
  public static final String SYNC = "sync";
  private static final Logger LOG = LoggerFactory.getLogger(AgentActivity.class);

  private final Map<Key, Counts> pending = new ConcurrentHashMap<>();
  private final AgentActivityStore store;
  private final Tenancy tenancy;
  private final Clock clock;

  AgentActivity(AgentActivityStore store, Tenancy tenancy) {
    this.store = store;
    this.tenancy = tenancy;
    this.clock = Clock.systemUTC();
  }

  public void succeeded(UUID tenant, String agent, int items) {
    count(new Key(tenant, agent), items, 0, null);
  }

  public void failed(UUID tenant, String agent, String error) {
    count(new Key(tenant, agent), 0, 1, error);
  }

  private void count(Key key, int items, int failures, String error) {
    Instant now = clock.instant();
    // A Counts being flushed is closed; the add then goes to a fresh one.
    while (!pending.computeIfAbsent(key, k -> new Counts()).add(items, failures, error, now)) {
      Thread.onSpinWait();
    }
  }

  /** Totals of a tenant not yet written, by agent. */
  public Map<String, AgentActivityStore.Activity> unflushed(UUID tenant) {
    Map<String, AgentActivityStore.Activity> out = new java.util.HashMap<>();
    pending.forEach((key, counts) -> {
      if (key.tenant().equals(tenant)) {
        synchronized (counts) {
          out.put(key.agent(), new AgentActivityStore.Activity(key.agent(), counts.processed, counts.errors,
              counts.last, counts.lastError, counts.lastErrorAt));
        }
      }
    });
    return out;
  }

  /** Writes what was counted since the last flush; a failed write is kept for the next one. */
  public void flush() {
    List<Key> keys = new ArrayList<>(pending.keySet());
    for (Key key : keys) {
      Counts counts = pending.remove(key);
      if (counts == null) {
        continue;
      }
      try {
        synchronized (counts) {
          counts.closed = true;
          tenancy.runInTenant(key.tenant(), () -> store.add(key.agent(), counts.processed, counts.errors,
              counts.last, counts.lastError, counts.lastErrorAt));
        }
      } catch (RuntimeException failure) {
        LOG.warn("could not write agent activity of tenant {}; kept for the next flush", key.tenant(), failure);
        synchronized (counts) {
          counts.closed = false;
        }
        pending.merge(key, counts, Counts::plus);
      }
    }
  }

  private record Key(UUID tenant, String agent) {}

  private static final class Counts {
    long processed;
    long errors;
    Instant last;
    String lastError;
    Instant lastErrorAt;
    boolean closed;

    synchronized boolean add(int items, int failures, String error, Instant at) {
      if (closed) {
        return false;
      }
      processed += items;
      errors += failures;
      last = at;
      if (error != null) {
        lastError = error.length() > 500 ? error.substring(0, 500) : error;
        lastErrorAt = at;
      }
      return true;
    }

    Counts plus(Counts other) {
      Counts sum = new Counts();
      // merged back after a failed write: open again
      sum.processed = processed + other.processed;
      sum.errors = errors + other.errors;
      sum.last = other.last != null ? other.last : last;
      sum.lastError = other.lastError != null ? other.lastError : lastError;
      sum.lastErrorAt = other.lastErrorAt != null ? other.lastErrorAt : lastErrorAt;
      return sum;
    }
  }
}
