package ai.stockclerk.channels.shopify;

/** The GraphQL documents the connector sends (Admin API, version {@link ShopifyConnector#API_VERSION}). */
final class ShopifyQueries {

  private ShopifyQueries() {}

  static final String SHOP = "query { shop { id name } }";

  static final String LOCATION = "query($location: ID!) { location(id: $location) { id } }";

  /** Every inventory level at the channel's location; {@code first} is at most 250. */
  static final String LEVELS_AT_LOCATION = """
      query($location: ID!, $first: Int!, $after: String) {
        location(id: $location) {
          inventoryLevels(first: $first, after: $after) {
            pageInfo { hasNextPage endCursor }
            nodes { item { id } quantities(names: ["available"]) { name quantity } }
          }
        }
      }""";

  static final String VARIANTS = """
      query($location: ID!, $first: Int!, $after: String) {
        productVariants(first: $first, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes {
            sku barcode displayName
            inventoryItem {
              id
              inventoryLevel(locationId: $location) { quantities(names: ["available"]) { name quantity } }
            }
          }
        }
      }""";

  static final String SET_QUANTITIES = """
      mutation($input: InventorySetQuantitiesInput!) {
        inventorySetQuantities(input: $input) {
          inventoryAdjustmentGroup { id }
          userErrors { code field message }
        }
      }""";
}
