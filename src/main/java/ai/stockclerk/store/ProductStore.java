package ai.stockclerk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tenant's products. Every method runs inside {@link Tenancy#inTenant}. */
@Repository
public class ProductStore {

  private final JdbcClient jdbc;
  private final StockLedger ledger;

  ProductStore(JdbcClient jdbc, StockLedger ledger) {
    this.jdbc = jdbc;
    this.ledger = ledger;
  }

  /** Creates a product; opening stock enters the ledger like any other change, so the ledger sums to stock. */
  public ProductRecord create(String sku, String name, String barcode, int stock, int bufferStock,
      Integer lowStockThreshold) {
    UUID id = UUID.randomUUID();
    try {
      jdbc.sql("""
              INSERT INTO products (id, tenant_id, sku, name, barcode, stock, buffer_stock, low_stock_threshold)
              VALUES (?, ?, ?, ?, ?, 0, ?, ?)""")
          .params(id, Tenancy.current(), sku, name, barcode, bufferStock, lowStockThreshold)
          .update();
    } catch (DuplicateKeyException e) {
      throw new ConflictException("a product with SKU '" + sku + "' already exists");
    }
    if (stock != 0) {
      ledger.apply(new StockChange(id, stock, MovementKind.ADJUSTMENT, null, null, "opening stock"));
    }
    return get(id);
  }

  public Optional<ProductRecord> find(UUID id) {
    return jdbc.sql("SELECT * FROM products WHERE id = ? AND tenant_id = ?")
        .params(id, Tenancy.current())
        .query(ProductStore::product)
        .optional();
  }

  public ProductRecord get(UUID id) {
    return find(id).orElseThrow(() -> new NotFoundException("product"));
  }

  public Optional<ProductRecord> findBySku(String sku) {
    return jdbc.sql("SELECT * FROM products WHERE tenant_id = ? AND sku = ?")
        .params(Tenancy.current(), sku)
        .query(ProductStore::product)
        .optional();
  }

  /** Products whose SKU or name contains {@code search} (any case), by SKU. */
  public Page<ProductRecord> list(String search, PageRequest page) {
    String pattern = search == null || search.isBlank() ? null : "%" + escapeLike(search.trim()) + "%";
    String where = "tenant_id = :tenant AND (cast(:pattern AS text) IS NULL"
        + " OR sku ILIKE :pattern ESCAPE '\\' OR name ILIKE :pattern ESCAPE '\\')";
    List<ProductRecord> items = jdbc.sql("SELECT * FROM products WHERE " + where + " ORDER BY sku LIMIT :limit OFFSET :offset")
        .param("tenant", Tenancy.current())
        .param("pattern", pattern)
        .param("limit", page.size())
        .param("offset", page.offset())
        .query(ProductStore::product)
        .list();
    long total = jdbc.sql("SELECT count(*) FROM products WHERE " + where)
        .param("tenant", Tenancy.current())
        .param("pattern", pattern)
        .query(Long.class)
        .single();
    return new Page<>(items, page.page(), page.size(), total);
  }

  public ProductRecord update(UUID id, ProductChanges changes) {
    int updated;
    try {
      updated = jdbc.sql("""
              UPDATE products SET
                sku = coalesce(?, sku), name = coalesce(?, name), barcode = coalesce(?, barcode),
                buffer_stock = coalesce(?, buffer_stock), low_stock_threshold = coalesce(?, low_stock_threshold),
                updated_at = now()
              WHERE id = ? AND tenant_id = ?""")
          .params(changes.sku(), changes.name(), changes.barcode(), changes.bufferStock(),
              changes.lowStockThreshold(), id, Tenancy.current())
          .update();
    } catch (DuplicateKeyException e) {
      throw new ConflictException("a product with SKU '" + changes.sku() + "' already exists");
    }
    if (updated == 0) {
      throw new NotFoundException("product");
    }
    if (changes.bufferStock() != null) {
      // The buffer changes what online channels should show.
      ledger.markChannelItemsDirty(id, null);
    }
    return get(id);
  }

  public void delete(UUID id) {
    if (jdbc.sql("DELETE FROM products WHERE id = ? AND tenant_id = ?").params(id, Tenancy.current()).update() == 0) {
      throw new NotFoundException("product");
    }
  }

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  static ProductRecord product(ResultSet rs, int row) throws SQLException {
    return new ProductRecord(Rows.uuid(rs, "id"), Rows.uuid(rs, "tenant_id"), rs.getString("sku"),
        rs.getString("name"), rs.getString("barcode"), rs.getInt("stock"), rs.getInt("buffer_stock"),
        Rows.integer(rs, "low_stock_threshold"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
  }
}
