package ai.stockclerk.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A product's presence on one channel (a mapping): the vendor's id for it, the level the channel
 * last reported, the level it should show, the level we last pushed, and whether a push is owed.
 */
public record ChannelItemRecord(
    UUID id,
    UUID tenantId,
    UUID channelId,
    UUID productId,
    String externalId,
    String externalSku,
    Integer reportedLevel,
    Instant reportedAt,
    Integer desiredLevel,
    Integer pushedLevel,
    Instant pushedAt,
    boolean dirty,
    long dirtyVersion,
    Instant createdAt) {}
