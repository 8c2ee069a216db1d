package ai.stockclerk.engine;

/** What an enqueue did. */
public enum EnqueueOutcome {
  /** A new job was queued. */
  ENQUEUED,
  /** A queued job with the same coalescing key took the new payload; nothing was added. */
  MERGED_INTO_QUEUED,
  /** A job with the same coalescing key is running; it will run once more, with this payload. */
  RERUN_AFTER_RUNNING,
  /** Only from {@link JobQueue#enqueueAll}: the lane was at its maximum depth (single enqueue throws instead). */
  REFUSED_QUEUE_FULL
}
