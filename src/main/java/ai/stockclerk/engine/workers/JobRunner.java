package ai.stockclerk.engine.workers;

import ai.stockclerk.engine.Job;

/**
 * Runs one claimed job; never throws. Returns true when the handler succeeded and the claim is
 * still to be completed (the pool completes a worker's finished jobs together, in one round trip);
 * false when the runner already ended the claim (retry, dead letter, release).
 */
@FunctionalInterface
public interface JobRunner {
  boolean run(Job job, TimeoutFlag timedOut);

  /** Set by the pool's watchdog when the running job passed its timeout. */
  interface TimeoutFlag {
    boolean isSet();

    /** The pool is stopping: an interrupted job goes back to the queue without spending an attempt. */
    boolean shuttingDown();
  }
}
