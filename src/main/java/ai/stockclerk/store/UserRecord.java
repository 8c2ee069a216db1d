package ai.stockclerk.store;

import java.time.Instant;
import java.util.UUID;

/** A person who signs in to one tenant. The password hash never leaves the store's login path. */
public record UserRecord(
    UUID id, UUID tenantId, String email, String name, String role, boolean superAdmin, Instant createdAt) {}
