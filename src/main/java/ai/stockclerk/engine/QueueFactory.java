package ai.stockclerk.engine;

import java.time.Clock;

/** Builds the job queue adapter once the engine knows its clock, lane router and limits. */
@FunctionalInterface
public interface QueueFactory {
  JobQueue create(Clock clock, LaneRouter router, LimitsPolicy limits);
}
