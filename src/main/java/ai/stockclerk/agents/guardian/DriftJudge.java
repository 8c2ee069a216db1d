package ai.stockclerk.agents.guardian;

import ai.stockclerk.channels.ChannelType;

/**
 * Compares what a channel shows with what it should show, by the Sync agent's rule: the till shows
 * all stock, online channels hold the buffer back, availability-only channels show only whether
 * anything is left (so their drift is 0 or 1).
 */
final class DriftJudge {

  private final int autoRepairThreshold;

  DriftJudge(int autoRepairThreshold) {
    this.autoRepairThreshold = autoRepairThreshold;
  }

  /** The level the channel should show, as the Sync agent would push it. */
  static int levelToShow(ChannelType type, int stock, int bufferStock) {
    return type.valueToShow(stock, bufferStock);
  }

  Verdict judge(ChannelType type, int stock, int bufferStock, int actual) {
    int expected = levelToShow(type, stock, bufferStock);
    int seen = type.availabilityOnly() ? (actual > 0 ? 1 : 0) : actual;
    long drift = (long) seen - expected;
    if (drift == 0) {
      return new Verdict(Verdict.Kind.IN_STEP, expected, actual, 0);
    }
    int clamped = (int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE, drift));
    Verdict.Kind kind = Math.abs(clamped) <= autoRepairThreshold ? Verdict.Kind.REPAIR : Verdict.Kind.FLAG;
    return new Verdict(kind, expected, actual, clamped);
  }
}
