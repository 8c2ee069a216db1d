package ai.stockclerk.engine.workers;

import ai.stockclerk.engine.Job;
import ai.stockclerk.engine.JobKind;
import ai.stockclerk.engine.JobQueue;
import ai.stockclerk.engine.KindSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workers of one kind on this node. The pool grows while its workers are busy and claims come
 * back full, and shrinks when they idle, between the kind's floor and ceiling. A worker stuck in a
 * handler past its timeout is interrupted and replaced, so a hanging tenant costs the pool at most
 * the tenant's concurrency cap in threads.
 */
public final class WorkerPool {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

  /** Idle workers wait at most this long before polling again (Redis has no push for new work). */
  public static final Duration DEFAULT_IDLE_WAIT = Duration.ofMillis(20);

  private final JobKind kind;
  private final KindSettings settings;
  private final JobQueue queue;
  private final JobRunner runner;
  private final Clock clock;
  private final String name;
  private final Duration idleWait;
  private final Set<Worker> workers = ConcurrentHashMap.newKeySet();
  private final AtomicLong busyNanos = new AtomicLong();
  private volatile int target;
  private volatile boolean stopping;
  private volatile boolean backlog;
  private long lastBusy;
  private long lastSample = System.nanoTime();
  private volatile double utilisation;

  public WorkerPool(JobKind kind, KindSettings settings, JobQueue queue, JobRunner runner, Clock clock, String node, Duration idleWait) {
    this.kind = kind;
    this.settings = settings;
    this.queue = queue;
    this.runner = runner;
    this.clock = clock;
    this.name = node + "-" + kind.name();
    this.idleWait = idleWait;
    this.target = Math.max(1, settings.minWorkers());
  }

  public synchronized void start() {
    while (liveWorkers() < target) {
      spawn();
    }
  }

  /** One autoscaling step; returns the new target. */
  public synchronized int scale() {
    double busy = sampleUtilisation();
    if (busy > 0.75 && backlog && target < settings.maxWorkers()) {
      target = Math.min(settings.maxWorkers(), target + Math.max(1, target / 2));
    } else if (busy < 0.25 && !backlog && target > Math.max(1, settings.minWorkers())) {
      target--;
    }
    backlog = false;
    start();
    return target;
  }

  /** Interrupts workers whose job ran past the kind's timeout and replaces them. */
  public synchronized void checkTimeouts() {
    long limit = settings.timeout().toNanos();
    long now = System.nanoTime();
    for (Worker worker : workers) {
      if (worker.current != null && !worker.timedOut && now - worker.startedNanos > limit) {
        worker.timedOut = true;
        worker.retired = true;
        Thread thread = worker.thread;
        if (thread != null) {
          thread.interrupt();
        }
      }
    }
    if (!stopping && workers.size() < 2 * settings.maxWorkers()) {
      start();
    }
  }

  /** Stops claiming, lets running jobs finish until the deadline, then interrupts what is left. */
  public void shutdown(Duration deadline) throws InterruptedException {
    stopping = true;
    long end = System.nanoTime() + deadline.toNanos();
    for (Worker worker : List.copyOf(workers)) {
      Thread thread = worker.thread;
      long left = end - System.nanoTime();
      if (thread != null && left > 0) {
        thread.join(TimeUnit.NANOSECONDS.toMillis(left) + 1);
      }
    }
    for (Worker worker : List.copyOf(workers)) {
      Thread thread = worker.thread;
      if (thread != null) {
        thread.interrupt();
      }
    }
  }

  public String name() {
    return name;
  }

  public JobKind kind() {
    return kind;
  }

  public int liveWorkers() {
    return (int) workers.stream().filter(w -> !w.retired).count();
  }

  public int target() {
    return target;
  }

  public double utilisation() {
    return utilisation;
  }

  boolean keepWorking(Worker worker) {
    if (stopping || worker.retired) {
      return false;
    }
    if (liveWorkers() > target) {
      synchronized (this) {
        if (liveWorkers() > target) {
          worker.retired = true;
          return false;
        }
      }
    }
    return true;
  }

  List<Job> claim() {
    List<Job> jobs = queue.claim(kind, settings.claimBatch(), settings.visibility());
    if (jobs.size() == settings.claimBatch()) {
      backlog = true;
    }
    return jobs;
  }

  void idle() throws InterruptedException {
    queue.awaitWork(kind, idleWait);
  }

  void releaseAll(List<Job> jobs) {
    jobs.forEach(job -> queue.release(job, clock.instant()));
  }

  void completeAll(List<Job> jobs) {
    if (jobs.isEmpty()) {
      return;
    }
    try {
      queue.completeAll(List.copyOf(jobs));
    } catch (RuntimeException backendDown) {
      LOG.error("could not complete {} jobs of pool {}; they run again after their visibility timeout",
          jobs.size(), name, backendDown);
    }
  }

  boolean stopping() {
    return stopping;
  }

  JobRunner runner() {
    return runner;
  }

  void addBusy(long nanos) {
    busyNanos.addAndGet(nanos);
  }

  void exited(Worker worker) {
    workers.remove(worker);
  }

  private void spawn() {
    Worker worker = new Worker(this);
    Thread thread = new Thread(worker, "engine-" + name + "-" + Integer.toHexString(System.identityHashCode(worker)));
    thread.setDaemon(true);
    worker.thread = thread;
    workers.add(worker);
    thread.start();
  }

  private double sampleUtilisation() {
    long now = System.nanoTime();
    long busy = busyNanos.get();
    long elapsed = Math.max(1, now - lastSample) * Math.max(1, liveWorkers());
    utilisation = Math.min(1.0, (double) (busy - lastBusy) / elapsed);
    lastBusy = busy;
    lastSample = now;
    return utilisation;
  }
}
