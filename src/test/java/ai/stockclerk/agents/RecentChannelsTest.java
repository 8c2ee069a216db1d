package ai.stockclerk.agents;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.store.ChannelStore;
import ai.stockclerk.store.Tenancy;
import ai.stockclerk.store.TenantStore;
import ai.stockclerk.testing.ServiceTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The hot path's channel cache, on real PostgreSQL: it keeps the tenant wall and keeps no misses. */
class RecentChannelsTest extends ServiceTest {

  @Autowired RecentChannels recent;
  @Autowired Tenancy tenancy;
  @Autowired TenantStore tenants;
  @Autowired ChannelStore channels;

  @Test
  void aCachedChannelIsNotFoundForAnotherTenant() {
    UUID owner = newTenant();
    UUID other = newTenant();
    UUID channel = UUID.randomUUID();
    tenancy.runInTenant(owner, () -> channels.create(channel, "shopify", "Web", null, null, "v1:k1:x", "{}"));

    assertThat(recent.find(owner, channel)).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("Web"));
    assertThat(recent.find(other, channel)).as("cached for its owner, still walled off").isEmpty();
    assertThat(recent.find(owner, channel)).isPresent();
  }

  @Test
  void aChannelNotFoundIsReadAgainNextTime() {
    UUID owner = newTenant();
    UUID channel = UUID.randomUUID();
    assertThat(recent.find(owner, channel)).isEmpty();

    tenancy.runInTenant(owner, () -> channels.create(channel, "square", "Till", null, null, "v1:k1:x", "{}"));

    assertThat(recent.find(owner, channel)).isPresent();
  }

  private UUID newTenant() {
    UUID tenant = UUID.randomUUID();
    tenancy.runInTenant(tenant, () -> tenants.createTenant("Cache test", "cache-" + tenant, "trial", "trial", null));
    return tenant;
  }
}
