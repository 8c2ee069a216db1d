package ai.stockclerk.store;

import java.time.Instant;
import java.util.UUID;

/** Filters for listing the ledger; any may be null. */
public record MovementQuery(UUID productId, UUID channelId, Instant from, Instant to) {}
