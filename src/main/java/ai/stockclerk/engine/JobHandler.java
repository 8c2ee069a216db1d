package ai.stockclerk.engine;

/**
 * Runs one job. Returning completes it; throwing retries it with back-off (or dead-letters it after
 * the kind's last attempt); {@link RetryLaterException} sets the delay. Handlers must be idempotent:
 * delivery is at least once.
 */
@FunctionalInterface
public interface JobHandler {
  void handle(Job job) throws Exception;
}
