package ai.stockclerk.channels.support;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.testing.MutableClock;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Connections for tests: a fresh tenant and channel, pointed at a stub or simulator. */
public final class TestConnections {

  private TestConnections() {}

  public static ChannelConnection of(
      ChannelType type, String baseUrl, Map<String, String> credentials, Map<String, Object> settings, String secret) {
    return new ChannelConnection(UUID.randomUUID(), UUID.randomUUID(), type,
        Optional.ofNullable(baseUrl).map(URI::create), credentials, settings, secret);
  }

  /** A client whose retries do not sleep, sharing the given clock. */
  public static VendorHttpClient fastClient(MutableClock clock, RecordingSleeper sleeper) {
    return VendorHttpClient.builder()
        .clock(clock)
        .sleeper(sleeper)
        .requestTimeout(java.time.Duration.ofSeconds(2))
        .budget(new RequestBudget(clock, sleeper, RequestBudget.DEFAULT_MAX_WAIT))
        .build();
  }
}
