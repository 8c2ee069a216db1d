package ai.stockclerk.engine;

import java.time.Instant;

/**
 * A held lease. The fencing token grows with every acquisition of the name, so a resource that
 * remembers the highest token it has seen can refuse writes from a holder whose lease lapsed
 * (a long GC pause, say) after someone else took over.
 */
public record Lease(String name, String owner, long fencingToken, Instant expiresAt) {}
