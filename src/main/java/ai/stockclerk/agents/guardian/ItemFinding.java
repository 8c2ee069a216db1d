package ai.stockclerk.agents.guardian;

import java.util.UUID;

/** A drifted item as a run report lists it: what we expected, what the channel showed, what we did. */
record ItemFinding(UUID itemId, UUID productId, String externalId, int expected, int actual, int drift,
    String action, String severity) {}
