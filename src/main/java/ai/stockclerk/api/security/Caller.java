package ai.stockclerk.api.security;

import java.util.UUID;

/** The signed-in user making a request, taken from the access token; every route is scoped to its tenant. */
public record Caller(UUID userId, UUID tenantId, String role, boolean superAdmin) {}
