package ai.stockclerk.store;

import java.time.Instant;
import java.util.UUID;

/** A retailer using StockClerk. */
public record TenantRecord(
    UUID id, String name, String slug, String plan, String status, Instant trialEndsAt, Instant createdAt) {}
