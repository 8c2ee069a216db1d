package ai.stockclerk.channels.wix;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stockclerk.channels.ChannelRegistry;
import ai.stockclerk.channels.ChannelType;
import ai.stockclerk.channels.deliveroo.DeliverooConnector;
import ai.stockclerk.channels.eposnow.EposnowConnector;
import ai.stockclerk.channels.otter.OtterConnector;
import ai.stockclerk.channels.support.ChannelSupportConfiguration;
import ai.stockclerk.channels.ubereats.UberEatsConnector;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** Spring builds the Wix, Epos Now, Otter, Deliveroo and Uber Eats beans and the registry finds them. */
class SpringWiringTest {

  @Test
  void connectorsAreBeansRegisteredByType() {
    try (var context = new AnnotationConfigApplicationContext(ChannelSupportConfiguration.class, ChannelRegistry.class,
        WixConnector.class, EposnowConnector.class, OtterConnector.class, DeliverooConnector.class, UberEatsConnector.class)) {
      ChannelRegistry registry = context.getBean(ChannelRegistry.class);

      assertThat(registry.types()).contains(
          ChannelType.WIX, ChannelType.EPOSNOW, ChannelType.OTTER, ChannelType.DELIVEROO, ChannelType.UBEREATS);
      assertThat(registry.connectorFor(ChannelType.DELIVEROO)).isInstanceOf(DeliverooConnector.class);
      assertThat(registry.connectorFor(ChannelType.OTTER).limits().requestsPerPeriod()).isEqualTo(16);
    }
  }
}
