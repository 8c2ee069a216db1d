package ai.stockclerk.tenants;

import java.util.UUID;

/** Who signed in: the facts an access token carries. */
public record Session(UUID userId, UUID tenantId, String role, boolean superAdmin) {}
