package ai.stockclerk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every {@link LeaseManager} adapter must do; subclasses only build a node's manager. */
public abstract class LeaseManagerConformanceTest {

  private static final Duration TTL = Duration.ofSeconds(10);
  protected final MutableClock clock = MutableClock.atEpochDay();
  private final List<LeaseManager> opened = new ArrayList<>();

  protected abstract LeaseManager openNode(Clock clock);

  protected void cleanUp() {}

  @AfterEach
  void closeManagers() {
    opened.forEach(LeaseManager::close);
    cleanUp();
  }

  private LeaseManager node() {
    LeaseManager manager = openNode(clock);
    opened.add(manager);
    return manager;
  }

  @Test
  void onlyOneHolderUntilItExpires() {
    LeaseManager a = node();
    LeaseManager b = node();
    Lease first = a.tryAcquire("guardian", "node-a", TTL).orElseThrow();
    assertThat(b.tryAcquire("guardian", "node-b", TTL)).isEmpty();
    assertThat(b.tryAcquire("sweep", "node-b", TTL)).as("another name").isPresent();
    clock.advance(TTL);
    Lease second = b.tryAcquire("guardian", "node-b", TTL).orElseThrow();
    assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
    assertThat(a.isHeld(first)).isFalse();
    assertThat(a.renew(first, TTL)).as("the lapsed holder cannot renew").isEmpty();
    assertThat(a.release(first)).as("nor release the new holder's lease").isFalse();
    assertThat(b.isHeld(second)).isTrue();
  }

  @Test
  void renewalKeepsTheLeaseAndTheToken() {
    LeaseManager a = node();
    Lease lease = a.tryAcquire("guardian", "node-a", TTL).orElseThrow();
    clock.advance(Duration.ofSeconds(8));
    Optional<Lease> renewed = a.renew(lease, TTL);
    assertThat(renewed).hasValueSatisfying(r -> {
      assertThat(r.fencingToken()).isEqualTo(lease.fencingToken());
      assertThat(r.expiresAt()).isEqualTo(clock.instant().plus(TTL));
    });
    clock.advance(Duration.ofSeconds(8));
    assertThat(node().tryAcquire("guardian", "node-b", TTL)).isEmpty();
  }

  @Test
  void releaseFreesTheLeaseAndTokensKeepGrowing() {
    LeaseManager a = node();
    Lease first = a.tryAcquire("guardian", "node-a", TTL).orElseThrow();
    assertThat(a.release(first)).isTrue();
    assertThat(a.isHeld(first)).isFalse();
    Lease second = node().tryAcquire("guardian", "node-b", TTL).orElseThrow();
    assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
  }

  @Test
  void manyNodesRacingGetExactlyOneHolder() throws Exception {
    List<LeaseManager> nodes = List.of(node(), node(), node());
    Set<String> winners = ConcurrentHashMap.newKeySet();
    AtomicInteger attempts = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 12; t++) {
      LeaseManager manager = nodes.get(t % 3);
      String owner = "owner-" + t;
      threads.add(new Thread(() -> {
        try {
          start.await();
          for (int i = 0; i < 20; i++) {
            attempts.incrementAndGet();
            manager.tryAcquire("race", owner, TTL).ifPresent(lease -> winners.add(lease.owner()));
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
    }
    threads.forEach(Thread::start);
    start.countDown();
    for (Thread thread : threads) {
      thread.join(30_000);
    }
    assertThat(attempts).hasValue(240);
    assertThat(winners).hasSize(1);
  }
}
