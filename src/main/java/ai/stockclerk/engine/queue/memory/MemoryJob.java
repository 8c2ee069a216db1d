package ai.stockclerk.engine.queue.memory;

import ai.stockclerk.engine.DeadLetter;
import ai.stockclerk.engine.Job;
import ai.stockclerk.engine.JobKind;
import java.time.Instant;

/** A job's mutable state inside the in-memory queue; guarded by its kind's lock. */
final class MemoryJob {

  enum State { QUEUED, RUNNING, DEAD }

  final String id;
  final String tenant;
  final String lane;
  final JobKind kind;
  final String coalescingKey;
  String payload;
  Instant enqueuedAt;
  int attempt;
  State state = State.QUEUED;
  String token;
  boolean runAgain;
  String nextPayload;
  /** Earliest time asked for by the requests that arrived while it ran. */
  long nextDueMillis;
  String error;
  long dueMillis;
  long deadlineMillis;

  MemoryJob(String id, String tenant, String lane, JobKind kind, String payload, String coalescingKey, Instant now) {
    this.id = id;
    this.tenant = tenant;
    this.lane = lane;
    this.kind = kind;
    this.payload = payload;
    this.coalescingKey = coalescingKey;
    this.enqueuedAt = now;
  }

  Job claimed() {
    return new Job(id, tenant, lane, kind, payload, attempt, enqueuedAt, coalescingKey, token);
  }

  DeadLetter deadLetter() {
    return new DeadLetter(id, tenant, kind, payload, attempt, error, enqueuedAt);
  }

  /** Takes the payload that arrived while it ran, as a fresh job. */
  void resetForRerun(Instant now) {
    payload = nextPayload;
    nextPayload = null;
    runAgain = false;
    nextDueMillis = 0;
    attempt = 0;
    enqueuedAt = now;
  }
}
