package ai.stockclerk.store;

/** What an absolute level reported by a channel did to stock. */
public sealed interface ReportOutcome {

  /** Older than a report already seen for this item: ignored. */
  record Stale() implements ReportOutcome {}

  /** The first level seen for this item: recorded as the baseline, stock unchanged. */
  record Baseline(int level) implements ReportOutcome {}

  /** The same level as last seen: nothing moved. */
  record Unchanged(int level) implements ReportOutcome {}

  /** The difference from the last level seen was applied to stock. */
  record Applied(Movement movement) implements ReportOutcome {}
}
