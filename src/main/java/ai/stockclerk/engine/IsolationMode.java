package ai.stockclerk.engine;

/** How a tenant's work is laned. */
public enum IsolationMode {
  /** All tenants in one lane per kind, first come first served: the original launch design. */
  SHARED,
  /** One lane per tenant, served in turns. */
  PER_TENANT;

  public static IsolationMode parse(String text) {
    return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
  }
}
