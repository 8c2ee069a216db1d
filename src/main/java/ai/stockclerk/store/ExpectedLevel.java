package ai.stockclerk.store;

import java.util.UUID;

/**
 * A mapped channel item with its product's current stock, for reconciliation. {@code dirty} means a
 * push is already owed, so what the channel shows now is about to change anyway.
 */
public record ExpectedLevel(
    UUID itemId, UUID productId, String externalId, int stock, int bufferStock, boolean dirty) {}
