package ai.stockclerk.agents.guardian;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.agents.alert.AlertSeverity;
import ai.stockclerk.channels.ChannelType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The comparison rule over arbitrary stock, buffers, channel levels and thresholds. */
class DriftJudgeProperties {

  @Property
  void repairsExactlyTheDriftWithinTheThresholdAndFlagsTheRest(@ForAll ChannelType type,
      @ForAll @IntRange(min = -50, max = 10_000) int stock, @ForAll @IntRange(min = 0, max = 100) int buffer,
      @ForAll @IntRange(min = 0, max = 10_000) int actual, @ForAll @IntRange(min = 0, max = 20) int threshold) {
    Verdict verdict = new DriftJudge(threshold).judge(type, stock, buffer, actual);

    int expected = DriftJudge.levelToShow(type, stock, buffer);
    int seen = type.availabilityOnly() ? (actual > 0 ? 1 : 0) : actual;
    assertThat(verdict.expected()).isEqualTo(expected);
    assertThat(verdict.drift()).isEqualTo(seen - expected);
    Verdict.Kind kind = seen == expected ? Verdict.Kind.IN_STEP
        : Math.abs(seen - expected) <= threshold ? Verdict.Kind.REPAIR : Verdict.Kind.FLAG;
    assertThat(verdict.kind()).isEqualTo(kind);
    if (type.availabilityOnly()) {
      assertThat(Math.abs(verdict.drift())).isLessThanOrEqualTo(1);
    }
  }

  @Property
  void severityFollowsTheSizeOfTheDrift(@ForAll @IntRange(min = -1000, max = 1000) int drift) {
    AlertSeverity severity = DriftSeverity.of(drift);
    int size = Math.abs(drift);
    assertThat(severity).isEqualTo(size < 5 ? AlertSeverity.LOW : size < 10 ? AlertSeverity.MEDIUM : AlertSeverity.HIGH);
  }

  @Property
  void acceptingALevelGivesStockThatShowsThatLevel(@ForAll ChannelType type,
      @ForAll @IntRange(min = 0, max = 10_000) int level, @ForAll @IntRange(min = -50, max = 10_000) int stock,
      @ForAll @IntRange(min = 0, max = 100) int buffer) {
    if (type.availabilityOnly()) {
      return;
    }
    int corrected = DriftActions.stockShowing(type, level, stock, buffer);
    assertThat(type.levelToShow(corrected, buffer)).isEqualTo(level);
  }
}
