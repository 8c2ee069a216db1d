package ai.stockclerk.store;

import java.time.Instant;
import java.util.UUID;

/** One row of the stock ledger: a delta and the stock it resulted in. */
public record Movement(
    long id,
    UUID productId,
    int delta,
    String kind,
    UUID sourceChannelId,
    String sourceEvent,
    String reason,
    int resultingStock,
    Instant createdAt) {}
