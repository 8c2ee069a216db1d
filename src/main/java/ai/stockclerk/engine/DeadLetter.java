package ai.stockclerk.engine;

import java.time.Instant;

/** A job that used its last attempt; an operator can replay it. */
public record DeadLetter(String id, String tenant, JobKind kind, String payload, int attempts, String lastError, Instant enqueuedAt) {}
