package ai.stockclerk.engine.workers;

import ai.stockclerk.engine.Job;

/** Runs one claimed job to an end (complete, retry or dead letter); never throws. */
@FunctionalInterface
public interface JobRunner {
  void run(Job job, TimeoutFlag timedOut);

  /** Set by the pool's watchdog when the running job passed its timeout. */
  interface TimeoutFlag {
    boolean isSet();

    /** The pool is stopping: an interrupted job goes back to the queue without spending an attempt. */
    boolean shuttingDown();
  }
}
