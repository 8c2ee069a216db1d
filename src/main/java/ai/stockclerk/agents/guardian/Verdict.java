package ai.stockclerk.agents.guardian;

/**
 * The outcome of comparing one item: in step, small drift to repair by pushing our level, or drift
 * too large to overwrite without a person. {@code drift} is the channel's level minus ours.
 */
record Verdict(Kind kind, int expected, int actual, int drift) {

  enum Kind {
    IN_STEP,
    REPAIR,
    FLAG
  }
}
