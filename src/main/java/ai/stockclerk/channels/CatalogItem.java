package ai.stockclerk.channels;

/** An item in a channel's catalogue, for import and mapping. Any field but the id may be null. */
public record CatalogItem(String externalId, String sku, String barcode, String name, Integer level) {}
