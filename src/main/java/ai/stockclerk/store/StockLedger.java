package ai.stockclerk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The only way stock changes (invariant I1). A change is applied as a delta in one statement that
 * also writes the ledger row with the resulting stock, so concurrent sales on several channels all
 * count and the ledger always sums to the stock. Every method runs inside {@link Tenancy#inTenant}.
 */
@Repository
public class StockLedger {

  private static final String APPLY = """
      WITH changed AS (
        UPDATE products SET stock = stock + :delta, updated_at = now()
        WHERE id = :product AND tenant_id = :tenant
        RETURNING id, tenant_id, stock)
      INSERT INTO stock_movements (tenant_id, product_id, delta, kind, source_channel_id, source_event, reason,
                                   resulting_stock)
      SELECT tenant_id, id, :delta, :kind, :channel, :event, :reason, stock FROM changed
      RETURNING *""";

  private final JdbcClient jdbc;

  StockLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Applies a delta atomically, records it, and marks the product's other channel items dirty. */
  public Movement apply(StockChange change) {
    Movement movement = jdbc.sql(APPLY)
        .param("delta", change.delta())
        .param("product", change.productId())
        .param("tenant", Tenancy.current())
        .param("kind", change.kind().wireName())
        .param("channel", change.sourceChannelId())
        .param("event", change.sourceEvent())
        .param("reason", change.reason())
        .query(StockLedger::movement)
        .optional()
        .orElseThrow(() -> new NotFoundException("product"));
    if (change.delta() != 0) {
      markChannelItemsDirty(change.productId(), change.sourceChannelId());
    }
    return movement;
  }

  /** Sets stock to an absolute level (a stock count), recorded as the delta from the current level. */
  public Movement set(UUID productId, int level, MovementKind kind, String reason) {
    int current = jdbc.sql("SELECT stock FROM products WHERE id = ? AND tenant_id = ? FOR UPDATE")
        .params(productId, Tenancy.current())
        .query(Integer.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("product"));
    return apply(new StockChange(productId, level - current, kind, null, null, reason));
  }

  /**
   * Turns an absolute level reported by a channel into a delta against the level last seen for that
   * channel item. The item row is locked, so two reports for one item are applied one after the
   * other; a report older than the last one seen changes nothing.
   */
  public ReportOutcome applyChannelReport(
      UUID channelItemId, int level, Instant reportedAt, String sourceEvent, IntFunction<MovementKind> kindOfDelta) {
    // Lock order is always product, then channel items (as in apply), so reports and sales of the
    // same product never deadlock.
    jdbc.sql("""
            SELECT p.id FROM products p JOIN channel_items i ON i.product_id = p.id
            WHERE i.id = ? AND i.tenant_id = ? FOR UPDATE OF p""")
        .params(channelItemId, Tenancy.current())
        .query(UUID.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("channel item"));
    LastReport last = jdbc.sql("""
            SELECT product_id, channel_id, reported_level, reported_at FROM channel_items
            WHERE id = ? AND tenant_id = ? FOR UPDATE""")
        .params(channelItemId, Tenancy.current())
        .query((rs, n) -> new LastReport(Rows.uuid(rs, "product_id"), Rows.uuid(rs, "channel_id"),
            Rows.integer(rs, "reported_level"), Rows.instant(rs, "reported_at")))
        .optional()
        .orElseThrow(() -> new NotFoundException("channel item"));
    if (last.reportedAt() != null && reportedAt.isBefore(last.reportedAt())) {
      return new ReportOutcome.Stale();
    }
    jdbc.sql("UPDATE channel_items SET reported_level = ?, reported_at = ? WHERE id = ? AND tenant_id = ?")
        .params(level, Rows.timestamp(reportedAt), channelItemId, Tenancy.current())
        .update();
    if (last.level() == null) {
      return new ReportOutcome.Baseline(level);
    }
    int delta = level - last.level();
    if (delta == 0) {
      return new ReportOutcome.Unchanged(level);
    }
    return new ReportOutcome.Applied(apply(new StockChange(last.productId(), delta, kindOfDelta.apply(delta),
        last.channelId(), sourceEvent, null)));
  }

  /** Marks the product's items on every channel but {@code exceptChannel} as owing a push. */
  public int markChannelItemsDirty(UUID productId, UUID exceptChannel) {
    return jdbc.sql("""
            UPDATE channel_items
            SET dirty = true, dirty_since = coalesce(dirty_since, now()), dirty_version = dirty_version + 1
            WHERE tenant_id = ? AND product_id = ? AND (cast(? AS uuid) IS NULL OR channel_id <> ?)""")
        .params(Tenancy.current(), productId, exceptChannel, exceptChannel)
        .update();
  }

  public Optional<Integer> stock(UUID productId) {
    return jdbc.sql("SELECT stock FROM products WHERE id = ? AND tenant_id = ?")
        .params(productId, Tenancy.current())
        .query(Integer.class)
        .optional();
  }

  /** The sum of every delta recorded for the product: equal to its stock while the ledger holds. */
  public long ledgerSum(UUID productId) {
    return jdbc.sql("SELECT coalesce(sum(delta), 0) FROM stock_movements WHERE tenant_id = ? AND product_id = ?")
        .params(Tenancy.current(), productId)
        .query(Long.class)
        .single();
  }

  private record LastReport(UUID productId, UUID channelId, Integer level, Instant reportedAt) {}

  static Movement movement(ResultSet rs, int row) throws SQLException {
    return new Movement(rs.getLong("id"), Rows.uuid(rs, "product_id"), rs.getInt("delta"), rs.getString("kind"),
        Rows.uuid(rs, "source_channel_id"), rs.getString("source_event"), rs.getString("reason"),
        rs.getInt("resulting_stock"), Rows.instant(rs, "created_at"));
  }
}
