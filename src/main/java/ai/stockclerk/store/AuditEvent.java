package ai.stockclerk.store;

import java.time.Instant;
import java.util.UUID;

/** One entry of the audit trail: what an agent or a person did, and how it ended. */
public record AuditEvent(
    long id, String type, String status, UUID channelId, UUID productId, String actor, String detailJson,
    String error, Instant createdAt) {}
