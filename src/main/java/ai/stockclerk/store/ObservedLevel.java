package ai.stockclerk.store;

import java.util.UUID;

/** What a channel was seen to show for an item, and whether it must be pushed our level again. */
public record ObservedLevel(UUID itemId, int level, boolean owesPush) {}
