package ai.stockclerk.engine.workers;

import ai.stockclerk.engine.Job;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One worker thread: claim, run, repeat; never dies of a job's failure. */
final class Worker implements Runnable, JobRunner.TimeoutFlag {

  private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

  private static final long MAX_COMPLETION_DELAY_NANOS = 20_000_000;

  private final WorkerPool pool;
  volatile Thread thread;
  volatile Job current;
  volatile long startedNanos;
  volatile boolean timedOut;
  volatile boolean retired;

  Worker(WorkerPool pool) {
    this.pool = pool;
  }

  @Override
  public void run() {
    try {
      while (pool.keepWorking(this)) {
        List<Job> jobs = pool.claim();
        if (jobs.isEmpty()) {
          pool.idle();
          continue;
        }
        runAll(jobs);
      }
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException unexpected) {
      LOG.error("worker of pool {} stopped on an unexpected error; the pool replaces it", pool.name(), unexpected);
    } finally {
      pool.exited(this);
    }
  }

  private void runAll(List<Job> jobs) {
    List<Job> succeeded = new ArrayList<>(jobs.size());
    long firstSuccess = 0;
    try {
      for (int i = 0; i < jobs.size(); i++) {
        if (pool.stopping() || retired) {
          pool.releaseAll(jobs.subList(i, jobs.size()));
          return;
        }
        if (runOne(jobs.get(i))) {
          if (succeeded.isEmpty()) {
            firstSuccess = System.nanoTime();
          }
          succeeded.add(jobs.get(i));
        }
        // Completions wait for the batch's end only briefly, so slow batches do not hold finished work.
        if (!succeeded.isEmpty() && System.nanoTime() - firstSuccess > MAX_COMPLETION_DELAY_NANOS) {
          pool.completeAll(succeeded);
          succeeded.clear();
        }
      }
    } finally {
      pool.completeAll(succeeded);
    }
  }

  private boolean runOne(Job job) {
    timedOut = false;
    startedNanos = System.nanoTime();
    current = job;
    try {
      return pool.runner().run(job, this);
    } finally {
      current = null;
      pool.addBusy(System.nanoTime() - startedNanos);
      Thread.interrupted(); // a watchdog interrupt aimed at this job must not leak into the next one
    }
  }

  @Override
  public boolean isSet() {
    return timedOut;
  }

  @Override
  public boolean shuttingDown() {
    return pool.stopping();
  }
}
