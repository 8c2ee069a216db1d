package ai.stockclerk.agents.watcher;

import java.util.UUID;

/** A stock change the Watcher committed, to announce once the transaction is over. */
record AppliedChange(UUID productId, String sku, int stock, int lowStockThreshold, int delta, String kind,
    UUID sourceChannelId) {}
