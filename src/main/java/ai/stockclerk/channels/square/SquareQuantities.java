package ai.stockclerk.channels.square;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Square sends quantities as decimal strings ("12", "1.5", up to 5 decimals). We count whole
 * units: a fraction is rounded down, so a channel is never shown more than it holds.
 */
final class SquareQuantities {

  private SquareQuantities() {}

  static Optional<Integer> parse(String text) {
    // An exponent ("1e999999999") would make BigDecimal build a huge number: Square never sends one.
    if (text == null || text.length() > 40 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
      return Optional.empty();
    }
    try {
      BigDecimal value = new BigDecimal(text.trim()).setScale(0, RoundingMode.FLOOR);
      if (value.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
        return Optional.empty();
      }
      return Optional.of(value.intValueExact());
    } catch (NumberFormatException | ArithmeticException unreadable) {
      return Optional.empty();
    }
  }
}
