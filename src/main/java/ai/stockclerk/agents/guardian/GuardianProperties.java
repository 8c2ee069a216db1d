package ai.stockclerk.agents.guardian;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Guardian agent ({@code stockclerk.guardian.*}).
 *
 * @param enabled whether scheduled runs happen (manual runs through the API always work)
 * @param interval time between two scheduled runs of one tenant
 * @param tick how often the scheduler looks for tenants whose slot has come
 * @param autoRepairThreshold largest drift (units) repaired by pushing our level; larger drift is alerted
 * @param runTimeout the most one tenant's run may take; also the TTL of its lease
 * @param workers most tenants reconciled at once on one node (runs mostly wait on vendors)
 * @param channelChecks most channels checked at once on one node; a run checks its channels side by
 *     side, since a check mostly waits on the vendor
 * @param reportUnmatched also list each channel's catalogue to report items no mapping knows
 * @param maxReportedItems most items of each kind (drifted, missing, unmatched) kept in a run's report
 */
@ConfigurationProperties("stockclerk.guardian")
public record GuardianProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("15m") Duration interval,
    @DefaultValue("5s") Duration tick,
    @DefaultValue("5") int autoRepairThreshold,
    @DefaultValue("5m") Duration runTimeout,
    @DefaultValue("8") int workers,
    @DefaultValue("16") int channelChecks,
    @DefaultValue("true") boolean reportUnmatched,
    @DefaultValue("50") int maxReportedItems) {

  public GuardianProperties {
    if (interval.isZero() || interval.isNegative() || tick.isZero() || tick.isNegative()) {
      throw new IllegalArgumentException("stockclerk.guardian.interval and tick must be positive");
    }
    if (autoRepairThreshold < 0 || workers < 1 || channelChecks < 1 || maxReportedItems < 0) {
      throw new IllegalArgumentException(
          "stockclerk.guardian.auto-repair-threshold and max-reported-items must be >= 0, workers and channel-checks >= 1");
    }
  }

  /** The defaults, for code that builds a Guardian without Spring (benchmarks, tests). */
  public static GuardianProperties defaults() {
    return new GuardianProperties(true, Duration.ofMinutes(15), Duration.ofSeconds(5), 5, Duration.ofMinutes(5), 8,
        16, true, 50);
  }
}
