package ai.stockclerk.store;

/** A partial update of a product's details; stock changes go through the {@link StockLedger}. */
public record ProductChanges(String sku, String name, String barcode, Integer bufferStock, Integer lowStockThreshold) {}
