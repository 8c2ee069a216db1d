package ai.stockclerk.engine;

import java.time.Instant;

/**
 * A claimed job. {@code lane} is where it was queued (its tenant, or the shared lane). {@code attempt} counts runs including this one; {@code claimToken} identifies this
 * claim so that a late acknowledgement from a node whose claim expired is refused.
 */
public record Job(
    String id,
    String tenant,
    String lane,
    JobKind kind,
    String payload,
    int attempt,
    Instant enqueuedAt,
    String coalescingKey,
    String claimToken) {}
