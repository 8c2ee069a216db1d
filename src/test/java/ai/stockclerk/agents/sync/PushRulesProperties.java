package ai.stockclerk.agents.sync;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.testing.MutableClock;
import ai.stockclerk.store.PushState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The level a channel is shown, and the pacing of pushes, over arbitrary inputs and many threads. */
class PushRulesProperties {

  @Property
  void theLevelShownFollowsTheChannelsRole(@ForAll ChannelType type, @ForAll @IntRange(min = -1_000, max = 100_000) int stock,
      @ForAll @IntRange(min = 0, max = 1_000) int buffer) {
    PushState state = new PushState(UUID.randomUUID(), UUID.randomUUID(), "x", stock, buffer, null, null, 1);
    int level = LevelsToShow.of(type, state);
    assertThat(level).isNotNegative();
    switch (type.role()) {
      case TILL -> assertThat(level).isEqualTo(Math.max(0, stock));
      case ONLINE -> assertThat(level).isEqualTo(Math.max(0, stock - buffer));
      case AVAILABILITY -> assertThat(level).isEqualTo(stock - buffer > 0 ? 1 : 0);
    }
    assertThat(LevelsToShow.alreadyShown(type, state, level)).as("nothing known yet: always pushed").isFalse();
  }

  @Property
  void aChannelShowingTheLevelIsNotPushedAgain(@ForAll ChannelType type, @ForAll @IntRange(max = 10_000) int stock,
      @ForAll @IntRange(max = 100) int buffer) {
    int level = LevelsToShow.of(type, new PushState(UUID.randomUUID(), UUID.randomUUID(), "x", stock, buffer, 0, 0, 1));
    PushState shown = new PushState(UUID.randomUUID(), UUID.randomUUID(), "x", stock, buffer, level, level, 1);
    assertThat(LevelsToShow.alreadyShown(type, shown, level)).isTrue();
    assertThat(LevelsToShow.update(shown, level).expectedCurrent()).hasValue(level);
  }

  @Property(tries = 20)
  void manyThreadsGetOnePushSlotPerChannelAtATime(@ForAll @IntRange(min = 2, max = 32) int threads) throws Exception {
    Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    PushPacer pacer = new PushPacer(Duration.ofMillis(300), fixed);
    UUID channel = UUID.randomUUID();
    AtomicInteger granted = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int i = 0; i < threads; i++) {
      pool.execute(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        if (pacer.reserve(channel).isZero()) {
          granted.incrementAndGet();
        }
      });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(granted).as("one push in the interval, however many ask").hasValue(1);
    pacer.release(channel);
    assertThat(pacer.reserve(channel)).as("the clock has not moved: wait out the interval")
        .isEqualTo(Duration.ofMillis(300));
    assertThat(pacer.reserve(UUID.randomUUID())).as("another channel is not held up").isZero();
  }

  @Property
  void aPushToldToWaitMayGoWhenTheEngineRunsItsDelayedJob(@ForAll @IntRange(max = 999_999) int startNanos,
      @ForAll @IntRange(max = 400_000) int elapsedMicros) {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z").plusNanos(startNanos));
    PushPacer pacer = new PushPacer(Duration.ofMillis(300), clock);
    UUID channel = UUID.randomUUID();
    assertThat(pacer.reserve(channel)).isZero();
    pacer.release(channel);
    clock.advance(Duration.ofNanos(elapsedMicros * 1_000L));
    Duration wait = pacer.reserve(channel);
    if (!wait.isZero()) {
      // The engine keeps delayed jobs in whole milliseconds and runs one once that millisecond begins.
      long dueMillis = clock.instant().plus(wait).toEpochMilli();
      clock.advance(Duration.between(clock.instant(), Instant.ofEpochMilli(dueMillis)));
      assertThat(pacer.reserve(channel)).as("told to wait %s, then asked again when due", wait).isZero();
    }
  }
}
