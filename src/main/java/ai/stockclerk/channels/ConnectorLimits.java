package ai.stockclerk.channels;

import java.time.Duration;

/** A vendor's documented budget: items per bulk call and requests per period, per connection. */
public record ConnectorLimits(int maxBatchSize, int requestsPerPeriod, Duration period) {}
