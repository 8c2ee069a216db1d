package ai.stockclerk.agents;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.channels.ChannelConnection;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.store.ChannelRecord;
import ai.stockclerk.store.ChannelStore;
import ai.stockclerk.store.Tenancy;
import ai.stockclerk.tenants.ChannelSetup;
import ai.stockclerk.testing.ServiceTest;
import ai.stockclerk.testing.TestApi;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A connection is built once per stored version of a channel: edits are seen at once. */
class ChannelConnectionsTest extends ServiceTest {

  @Autowired ChannelConnections connections;
  @Autowired ChannelSetup setup;
  @Autowired ChannelStore channels;
  @Autowired Tenancy tenancy;

  @Test
  void reusesTheConnectionUntilTheStoredChannelChanges() {
    TestApi.Tenant tenant = new TestApi(http()).register("Connection cache");
    UUID channelId = setup.create(tenant.tenantId(), ChannelType.SQUARE, "Till", null,
        Map.of("accessToken", "EAAA-first", "webhookSecret", "secret-one"),
        Map.of("locationId", "L1")).channel().id();

    ChannelConnection first = connections.of(read(tenant.tenantId(), channelId));
    assertThat(first.credential("accessToken")).isEqualTo("EAAA-first");
    assertThat(connections.of(read(tenant.tenantId(), channelId))).isSameAs(first);

    setup.update(tenant.tenantId(), channelId, null, null, null,
        Map.of("accessToken", "EAAA-second"), null);
    ChannelConnection second = connections.of(read(tenant.tenantId(), channelId));
    assertThat(second.credential("accessToken")).isEqualTo("EAAA-second");
    assertThat(second.webhookSecret()).isEqualTo("secret-one");

    setup.update(tenant.tenantId(), channelId, null, null, null, null, Map.of("locationId", "L2"));
    assertThat(connections.of(read(tenant.tenantId(), channelId)).setting("locationId")).contains("L2");
  }

  private ChannelRecord read(UUID tenant, UUID channelId) {
    return tenancy.inTenant(tenant, () -> channels.find(channelId).orElseThrow());
  }
}
