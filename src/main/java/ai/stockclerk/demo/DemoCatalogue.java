package ai.stockclerk.demo;

import java.util.List;

/** What Demo Bakery sells: a few dozen products, each on the till, the web shop and the delivery app. */
final class DemoCatalogue {

  static final List<String> NAMES = List.of("Sourdough loaf", "Baguette", "Croissant", "Pain au chocolat",
      "Cinnamon bun", "Rye bread", "Focaccia", "Bagel", "Brioche", "Almond croissant", "Lemon tart", "Carrot cake slice",
      "Brownie", "Flapjack", "Scone", "Danish pastry", "Eclair", "Macaron box", "Ciabatta", "Seeded loaf",
      "Sausage roll", "Cheese straw", "Quiche slice", "Banana bread", "Muffin", "Doughnut", "Pretzel",
      "Hot cross bun", "Shortbread", "Apple turnover");

  private DemoCatalogue() {}

  /** Product n (from 1): its SKU, name, opening stock and buffer. */
  record Item(int n, String sku, String name, int stock, int buffer) {
    String tillId() {
      return "sq-" + n;
    }

    /** Shopify's inventory item ids are numbers. */
    String shopId() {
      return Integer.toString(n);
    }

    String deliveryId() {
      return "d-" + n;
    }
  }

  static List<Item> items() {
    return java.util.stream.IntStream.rangeClosed(1, NAMES.size())
        .mapToObj(n -> new Item(n, String.format("BAKE-%02d", n), NAMES.get(n - 1), 24 + (n * 7) % 30, 2 + n % 3))
        .toList();
  }
}
