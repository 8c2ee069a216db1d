package ai.stockclerk.channels.shopify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shopify ids in both spellings: the numeric id webhooks carry and the GraphQL global id. Our
 * external id for an item is the numeric InventoryItem id (not the variant id: writes need the
 * inventory item, and the inventory webhook carries nothing else).
 */
final class ShopifyIds {

  private static final Pattern GID = Pattern.compile("gid://shopify/(\\w+)/(\\d+)(\\?.*)?");
  private static final Pattern NUMERIC = Pattern.compile("\\d{1,20}");

  private ShopifyIds() {}

  static Optional<String> numeric(String idOrGid) {
    if (idOrGid == null) {
      return Optional.empty();
    }
    String trimmed = idOrGid.trim();
    if (NUMERIC.matcher(trimmed).matches()) {
      return Optional.of(trimmed);
    }
    Matcher m = GID.matcher(trimmed);
    return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
  }

  static Optional<String> gid(String type, String idOrGid) {
    return numeric(idOrGid).map(id -> "gid://shopify/" + type + "/" + id);
  }
}
