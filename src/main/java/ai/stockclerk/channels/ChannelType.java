package ai.stockclerk.channels;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Every kind of channel StockClerk connects to, with the stock rules that follow from its role. */
public enum ChannelType {
  EPOSNOW(Role.TILL),
  SQUARE(Role.TILL),
  SHOPIFY(Role.ONLINE),
  WOOCOMMERCE(Role.ONLINE),
  WIX(Role.ONLINE),
  OTTER(Role.AVAILABILITY),
  DELIVEROO(Role.AVAILABILITY),
  UBEREATS(Role.AVAILABILITY),
  /** The built-in simulator: an online channel that keeps quantities, for the demo and tests. */
  SIMULATOR(Role.ONLINE);

  /** How a channel shows stock: the till shows it all, online channels hold a buffer back. */
  public enum Role {
    TILL,
    ONLINE,
    AVAILABILITY
  }

  private final Role role;

  ChannelType(Role role) {
    this.role = role;
  }

  public Role role() {
    return role;
  }

  public boolean availabilityOnly() {
    return role == Role.AVAILABILITY;
  }

  /** The lower-case name used in URLs, JSON and the database. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ChannelType> fromWireName(String value) {
    if (value == null) {
      return Optional.empty();
    }
    return Arrays.stream(values()).filter(t -> t.wireName().equals(value)).findFirst();
  }

  /**
   * The level a channel of this type should show for a product: the till shows all stock, other
   * channels hold the buffer back, and no channel is shown a negative number. Availability-only
   * channels read any level above zero as "available".
   */
  public int levelToShow(long stock, long bufferStock) {
    long shown = role == Role.TILL ? stock : stock - bufferStock;
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, shown));
  }

  /**
   * What a push sends and reconciliation expects: {@link #levelToShow}, or for availability-only
   * channels 1 (available) or 0 (suspended).
   */
  public int valueToShow(long stock, long bufferStock) {
    int shown = levelToShow(stock, bufferStock);
    return availabilityOnly() ? (shown > 0 ? 1 : 0) : shown;
  }
}
