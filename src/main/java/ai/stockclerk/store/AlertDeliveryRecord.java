package ai.stockclerk.store;

import java.time.Instant;
import java.util.UUID;

/**
 * One send of one alert occurrence by one medium (e-mail or webhook). {@code attempts} counts
 * claims; together with {@code claimedBy} it fences a node whose claim expired out of recording.
 */
public record AlertDeliveryRecord(
    UUID id,
    UUID tenantId,
    UUID alertId,
    String medium,
    String payload,
    String status,
    int attempts,
    Instant nextAttemptAt,
    String claimedBy,
    Instant claimedUntil,
    String lastError,
    Instant sentAt,
    Instant createdAt) {}
