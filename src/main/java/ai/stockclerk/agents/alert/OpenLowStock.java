package ai.stockclerk.agents.alert;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which products of a tenant have an open low-stock alert, as this node last saw them. It lets a
 * stock change well above the threshold skip the database when there is nothing to resolve, which
 * is almost every sale. A tenant is known only once loaded from the database; anything this view
 * gets wrong (another node's change, a person resolving by hand) is set right by the periodic check.
 */
final class OpenLowStock {

  private final Map<UUID, Set<UUID>> openByTenant = new ConcurrentHashMap<>();

  /** True only when the tenant is loaded and the product has no open low-stock alert. */
  boolean knownClear(UUID tenant, UUID product) {
    Set<UUID> open = openByTenant.get(tenant);
    return open != null && !open.contains(product);
  }

  boolean loaded(UUID tenant) {
    return openByTenant.containsKey(tenant);
  }

  void load(UUID tenant, Collection<UUID> open) {
    Set<UUID> products = ConcurrentHashMap.newKeySet();
    products.addAll(open);
    openByTenant.put(tenant, products);
  }

  void raised(UUID tenant, UUID product) {
    Set<UUID> open = openByTenant.get(tenant);
    if (open != null) {
      open.add(product);
    }
  }

  void resolved(UUID tenant, UUID product) {
    Set<UUID> open = openByTenant.get(tenant);
    if (open != null) {
      open.remove(product);
    }
  }
}
