package ai.stockclerk.store;

import java.time.Instant;
import java.util.UUID;

/** An alert about to be opened, or the latest facts of a repeat of an open one. */
public record NewAlert(
    UUID id, String type, String severity, String subject, String message, String dedupKey, String metadataJson,
    Instant at) {}
