package ai.stockclerk.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The job queue port. Jobs live in lanes (one per tenant, or the shared lane); {@link #claim} serves
 * lanes by deficit round robin within each lane's caps. Every method that ends a claim takes the
 * claimed {@link Job} and returns false when that claim is no longer current (it expired and
 * another node took the job over), so a job is acknowledged once.
 */
public interface JobQueue extends AutoCloseable {

  /** Queues a job, or coalesces it into a queued or running one with the same key. */
  EnqueueOutcome enqueue(JobRequest request) throws QueueFullException;

  /**
   * Queues many jobs in one go (sweeps, bulk imports); outcomes in request order. A lane at its
   * maximum depth refuses its jobs with {@link EnqueueOutcome#REFUSED_QUEUE_FULL} instead of throwing.
   */
  default List<EnqueueOutcome> enqueueAll(List<JobRequest> requests) {
    List<EnqueueOutcome> out = new java.util.ArrayList<>(requests.size());
    for (JobRequest request : requests) {
      try {
        out.add(enqueue(request));
      } catch (QueueFullException full) {
        out.add(EnqueueOutcome.REFUSED_QUEUE_FULL);
      }
    }
    return out;
  }

  /** Claims up to {@code max} due jobs of a kind; each must be ended before {@code visibility} passes. */
  List<Job> claim(JobKind kind, int max, Duration visibility);

  /** The job succeeded. If it was marked to run again, it is queued again with the latest payload. */
  boolean complete(Job job);

  /** Completes many claims at once (a worker's finished batch); results in order. */
  default List<Boolean> completeAll(List<Job> jobs) {
    return jobs.stream().map(this::complete).toList();
  }

  /** The attempt failed; the job runs again at {@code at}. */
  boolean retry(Job job, Instant at, String error);

  /** Gives the job back without spending an attempt (shutdown, paused tenant), due at {@code at}. */
  boolean release(Job job, Instant at);

  /** The last attempt failed; the job is kept in the dead-letter list. */
  boolean deadLetter(Job job, String error);

  List<DeadLetter> deadLetters(String tenant, int limit);

  /** Queues a dead letter again with fresh attempts; false if there is no such dead letter. */
  boolean replay(String tenant, String deadLetterId);

  /** Stops the tenant's lane: queued work stays, nothing new starts. */
  void pause(String tenant);

  void resume(String tenant);

  boolean isPaused(String tenant);

  LaneStats stats(String tenant, JobKind kind);

  /** The deepest lanes of a kind, deepest first, and the total depth of the kind. */
  DepthReport depthReport(JobKind kind, int topN);

  /** Puts jobs whose claim outlived its visibility timeout back in their lane; returns how many. */
  int recoverExpiredClaims();

  /** Waits until work may be available for the kind, or at most {@code max}. */
  void awaitWork(JobKind kind, Duration max) throws InterruptedException;

  @Override
  void close();

  /** A kind's total depth and its deepest lanes. */
  record DepthReport(long totalDepth, List<LaneDepth> deepest) {}
}
