package ai.stockclerk.store;

import java.time.Instant;
import java.util.UUID;

/**
 * One Guardian reconciliation run of a tenant. {@code reportJson} holds the per-channel details
 * (drifted, missing and unmatched items, errors), capped so a run of a big tenant stays small.
 */
public record GuardianRunRecord(
    UUID id,
    UUID tenantId,
    String trigger,
    UUID scopeChannelId,
    UUID scopeProductId,
    String status,
    Instant startedAt,
    Instant finishedAt,
    long durationMs,
    int channelsChecked,
    int itemsChecked,
    int driftFound,
    int driftRepaired,
    int driftFlagged,
    int missingItems,
    int unmatchedItems,
    int errors,
    String reportJson) {}
