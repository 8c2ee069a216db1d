package ai.stockclerk.channels.simulator;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Every vendor the simulator speaks, by the name {@code --vendor} takes. */
public final class SimulatorDialects {

  private static final List<Supplier<SimulatorDialect>> ALL =
      List.of(ShopifyDialect::new, WooCommerceDialect::new, SquareDialect::new, DeliverooDialect::new);

  private SimulatorDialects() {}

  public static Optional<SimulatorDialect> named(String vendor) {
    return ALL.stream().map(Supplier::get).filter(d -> d.vendor().equalsIgnoreCase(vendor)).findFirst();
  }

  public static List<String> names() {
    return ALL.stream().map(s -> s.get().vendor()).toList();
  }
}
