package ai.stockclerk.store;

import java.util.UUID;

/**
 * A dirty channel item with what the push needs: the product's current stock and buffer (the level
 * to show is computed from them at push time), what the channel last showed, and the version the
 * push clears.
 */
public record PushState(
    UUID itemId, UUID productId, String externalId, int stock, int bufferStock, Integer reportedLevel,
    Integer pushedLevel, long dirtyVersion) {}
