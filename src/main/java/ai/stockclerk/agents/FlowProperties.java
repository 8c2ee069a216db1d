package ai.stockclerk.agents;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sale-to-every-channel flow ({@code stockclerk.flow.*}).
 *
 * @param minPushInterval least time between two pushes to one channel: sales arriving meanwhile
 *     coalesce into the next push, which carries the latest level
 * @param syncBatchLimit most items one sync job sends (further split at the vendor's batch limit)
 * @param inboxRecoveryAge an inbox row still unprocessed this long after arrival is re-queued
 * @param sweepInterval how often the recovery sweeps (inbox, dirty items, credential checks) run
 * @param breakerFailureRate failure percentage over the last calls that opens a channel's circuit
 * @param breakerOpenFor how long an open circuit refuses pushes before it tries one again
 * @param webhookWorkers worker ceiling for webhook jobs on this node
 * @param syncWorkers worker ceiling for sync jobs on this node
 */
@ConfigurationProperties("stockclerk.flow")
public record FlowProperties(
    @DefaultValue("300ms") Duration minPushInterval,
    @DefaultValue("250") int syncBatchLimit,
    @DefaultValue("30s") Duration inboxRecoveryAge,
    @DefaultValue("2s") Duration sweepInterval,
    @DefaultValue("50") int breakerFailureRate,
    @DefaultValue("10s") Duration breakerOpenFor,
    @DefaultValue("16") int webhookWorkers,
    @DefaultValue("16") int syncWorkers) {}
