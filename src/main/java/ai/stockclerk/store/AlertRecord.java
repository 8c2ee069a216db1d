package ai.stockclerk.store;

import java.time.Instant;
import java.util.UUID;

/**
 * One alert as stored. {@code dedupKey} is "type:subject": while an alert with that key is not
 * resolved, a repeat only counts {@code occurrences} and moves {@code lastSeen}.
 */
public record AlertRecord(
    UUID id,
    UUID tenantId,
    String type,
    String severity,
    String subject,
    String message,
    String status,
    String dedupKey,
    int occurrences,
    String metadataJson,
    Instant firstSeen,
    Instant lastSeen,
    Instant resolvedAt) {}
