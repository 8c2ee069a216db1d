package ai.stockclerk.channels;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one place connectors are registered: every {@link ChannelConnector} bean, by the channel
 * type it serves. Two connectors for one type is a wiring mistake and fails at start-up.
 */
@Component
public class ChannelRegistry {

  private final Map<ChannelType, ChannelConnector> connectors;

  public ChannelRegistry(Collection<? extends ChannelConnector> connectors) {
    Map<ChannelType, ChannelConnector> byType = new EnumMap<>(ChannelType.class);
    for (ChannelConnector connector : connectors) {
      ChannelConnector previous = byType.putIfAbsent(connector.type(), connector);
      if (previous != null) {
        throw new IllegalStateException("two connectors for " + connector.type() + ": "
            + previous.getClass().getName() + " and " + connector.getClass().getName());
      }
    }
    this.connectors = Collections.unmodifiableMap(byType);
  }

  public static ChannelRegistry of(ChannelConnector... connectors) {
    return new ChannelRegistry(List.of(connectors));
  }

  public Optional<ChannelConnector> find(ChannelType type) {
    return Optional.ofNullable(connectors.get(type));
  }

  /** The connector for a type; a channel of a type without one cannot be served. */
  public ChannelConnector connectorFor(ChannelType type) {
    return find(type).orElseThrow(() -> new ChannelException(
        "no connector for channel type " + type.wireName(), null, ChannelException.Failure.ITEM_PERMANENT, null, null));
  }

  public Set<ChannelType> types() {
    return connectors.keySet();
  }
}
