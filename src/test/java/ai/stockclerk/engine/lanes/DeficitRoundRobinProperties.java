package ai.stockclerk.engine.lanes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * For any arrival pattern, a lane that has work is served within (active lanes × quantum)
 * dispatches, however deep the other lanes are.
 */
class DeficitRoundRobinProperties {

  /** One step: jobs arrive at a lane (possibly none), then one dispatch happens. */
  record Step(int lane, int arrivals) {}

  @Provide
  Arbitrary<List<Step>> arrivals() {
    Arbitrary<Step> step = Combinators.combine(
        Arbitraries.integers().between(0, 11),
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, Arbitraries.just(0)),
            net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 3)),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(50, 400))))
        .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(400);
  }

  @Property(tries = 200)
  void laneWithWorkIsServedWithinActiveLanesTimesQuantum(
      @ForAll("arrivals") List<Step> steps, @ForAll @IntRange(min = 1, max = 4) int quantum) {
    DeficitRoundRobin<Integer> drr = new DeficitRoundRobin<>(quantum, lane -> 1);
    Map<Integer, Integer> queued = new HashMap<>();
    Map<Integer, Integer> waitingSince = new HashMap<>();
    Map<Integer, Integer> mostActiveWhileWaiting = new HashMap<>();
    int dispatch = 0;
    ArrayDeque<Step> pending = new ArrayDeque<>(steps);
    while (!pending.isEmpty() || !queued.isEmpty()) {
      Step step = pending.isEmpty() ? new Step(0, 0) : pending.poll();
      if (step.arrivals() > 0) {
        queued.merge(step.lane(), step.arrivals(), Integer::sum);
        waitingSince.putIfAbsent(step.lane(), dispatch);
        drr.activate(step.lane());
      }
      int active = drr.activeLanes();
      waitingSince.keySet().forEach(lane -> mostActiveWhileWaiting.merge(lane, active, Math::max));
      Integer served = drr.next(lane -> true);
      if (served == null) {
        assertThat(queued).isEmpty();
        continue;
      }
      dispatch++;
      int left = queued.merge(served, -1, Integer::sum);
      waitingSince.remove(served);
      mostActiveWhileWaiting.remove(served);
      if (left == 0) {
        queued.remove(served);
        drr.deactivate(served);
      } else {
        waitingSince.put(served, dispatch);
      }
      for (Map.Entry<Integer, Integer> waiting : waitingSince.entrySet()) {
        int bound = Math.max(1, mostActiveWhileWaiting.getOrDefault(waiting.getKey(), 1)) * quantum;
        assertThat(dispatch - waiting.getValue())
            .as("lane %s waited since dispatch %s", waiting.getKey(), waiting.getValue())
            .isLessThanOrEqualTo(bound);
      }
    }
  }

  @Property(tries = 200)
  void weightsShareDispatchesInProportion(@ForAll @IntRange(min = 1, max = 5) int heavyWeight) {
    DeficitRoundRobin<String> drr = new DeficitRoundRobin<>(1, lane -> lane.equals("heavy") ? heavyWeight : 1);
    drr.activate("heavy");
    drr.activate("light");
    Map<String, Integer> served = new HashMap<>();
    for (int i = 0; i < (heavyWeight + 1) * 10; i++) {
      served.merge(drr.next(lane -> true), 1, Integer::sum);
    }
    assertThat(served.get("heavy")).isEqualTo(heavyWeight * 10);
    assertThat(served.get("light")).isEqualTo(10);
  }

  @Property(tries = 200)
  void ineligibleLanesAreSkippedWithoutGainingCredit(@ForAll @IntRange(min = 2, max = 10) int lanes) {
    DeficitRoundRobin<Integer> drr = new DeficitRoundRobin<>(3, lane -> 1);
    for (int lane = 0; lane < lanes; lane++) {
      drr.activate(lane);
    }
    for (int i = 0; i < 50; i++) {
      assertThat(drr.next(lane -> lane != 0)).isNotEqualTo(0);
    }
    assertThat(drr.next(lane -> false)).isNull();
    assertThat(drr.hasEligible(lane -> lane == 0)).isTrue();
  }
}
