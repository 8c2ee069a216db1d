package ai.stockclerk.agents.events;

import java.time.Instant;
import java.util.UUID;

/** One published event. */
public record TenantEvent(UUID tenantId, String name, String payloadJson, Instant at) {}
