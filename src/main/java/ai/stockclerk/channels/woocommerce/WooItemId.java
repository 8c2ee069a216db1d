package ai.stockclerk.channels.woocommerce;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our external id for a WooCommerce item: {@code "42"} for a simple product, {@code "42:57"} for
 * variation 57 of product 42. Writes to a variation need its parent, and a variation's webhook
 * carries both ({@code parent_id}, {@code id}), so catalogue and webhooks agree on the same id.
 */
record WooItemId(long productId, long variationId) {

  private static final Pattern FORMAT = Pattern.compile("(\\d{1,18})(?::(\\d{1,18}))?");

  static Optional<WooItemId> parse(String externalId) {
    Matcher m = externalId == null ? null : FORMAT.matcher(externalId.trim());
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    long product = Long.parseLong(m.group(1));
    long variation = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
    return product == 0 ? Optional.empty() : Optional.of(new WooItemId(product, variation));
  }

  static WooItemId of(long idOrParent, long parentId) {
    return parentId > 0 ? new WooItemId(parentId, idOrParent) : new WooItemId(idOrParent, 0);
  }

  boolean isVariation() {
    return variationId > 0;
  }

  /** The id the batch endpoint's {@code update[].id} takes. */
  long ownId() {
    return isVariation() ? variationId : productId;
  }

  @Override
  public String toString() {
    return isVariation() ? productId + ":" + variationId : Long.toString(productId);
  }
}
