package ai.stockclerk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The only way stock changes (invariant I1). A change is applied as a delta by one server-side
 * operation that also writes the ledger row with the resulting stock and marks the product's other
 * channel items dirty, so concurrent sales on several channels all count, the ledger always sums to
 * the stock, and the product row stays locked for one round trip only (functions in V1). Every
 * method runs inside {@link Tenancy#inTenant}.
 */
@Repository
public class StockLedger {

  private final JdbcClient jdbc;

  StockLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Applies a delta atomically, records it, and marks the product's other channel items dirty. */
  public Movement apply(StockChange change) {
    return jdbc.sql("SELECT * FROM apply_stock_change(?, ?, ?, ?, ?, ?, ?)")
        .params(Tenancy.current(), change.productId(), change.delta(), change.kind().wireName(),
            change.sourceChannelId(), change.sourceEvent(), change.reason())
        .query(StockLedger::movement)
        .optional()
        .orElseThrow(() -> new NotFoundException("product"));
  }

  /**
   * Applies many channels' events in one round trip, by the rules of {@link #apply} and
   * {@link #applyChannelReport}: an event of an item no channel item maps is reported unmapped; the
   * source item is marked dirty when the level its channel shows must differ; products are locked
   * in one order; a group of events with a level report on an item whose push is in flight is held,
   * none of it applied (V5 {@code apply_stock_events}).
   */
  public LedgerEvent.Applied applyEvents(List<LedgerEvent> events) {
    if (events.isEmpty()) {
      return new LedgerEvent.Applied(List.of(), List.of());
    }
    LedgerEvent.Outcome[] outcomes = new LedgerEvent.Outcome[events.size()];
    List<UUID> owing = new ArrayList<>();
    jdbc.sql("""
            SELECT * FROM apply_stock_events(?, cast(? AS integer[]), cast(? AS uuid[]), cast(? AS text[]),
              cast(? AS boolean[]),
              cast(? AS integer[]), cast(? AS timestamptz[]), cast(? AS text[]), cast(? AS text[]), cast(? AS text[]),
              cast(? AS text[]))""")
        .params(Tenancy.current(),
            events.stream().map(LedgerEvent::group).toArray(Integer[]::new),
            events.stream().map(e -> e.channelId().toString()).toArray(String[]::new),
            events.stream().map(LedgerEvent::externalId).toArray(String[]::new),
            events.stream().map(LedgerEvent::levelReport).toArray(Boolean[]::new),
            events.stream().map(LedgerEvent::amount).toArray(Integer[]::new),
            events.stream().map(e -> e.occurredAt() == null ? null : e.occurredAt().toString()).toArray(String[]::new),
            events.stream().map(LedgerEvent::eventId).toArray(String[]::new),
            events.stream().map(e -> e.kind().wireName()).toArray(String[]::new),
            events.stream().map(e -> e.kindUp() == null ? null : e.kindUp().wireName()).toArray(String[]::new),
            events.stream().map(LedgerEvent::role).toArray(String[]::new))
        .query(rs -> {
          String outcome = rs.getString("outcome");
          if ("owing".equals(outcome)) {
            owing.add(Rows.uuid(rs, "channel_id"));
            return;
          }
          int buffer = rs.getInt("buffer_stock");
          outcomes[rs.getInt("ordinal") - 1] = new LedgerEvent.Outcome(outcome, Rows.uuid(rs, "product_id"),
              rs.getString("sku"), rs.getInt("delta"), rs.getString("kind"), rs.getInt("resulting_stock"),
              ProductRecord.effectiveLowStockThreshold(Rows.integer(rs, "low_stock_threshold"), buffer));
        });
    return new LedgerEvent.Applied(List.of(outcomes), owing);
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
   * channel item; the first report only sets the baseline and a report older than the last one seen
   * changes nothing. {@code kindOfDelta} names the movement by the sign of the delta.
   */
  public ReportOutcome applyChannelReport(
      UUID channelItemId, int level, Instant reportedAt, String sourceEvent, IntFunction<MovementKind> kindOfDelta) {
    return jdbc.sql("SELECT * FROM apply_channel_report(?, ?, ?, ?, ?, ?, ?)")
        .params(Tenancy.current(), channelItemId, level, Rows.timestamp(reportedAt), sourceEvent,
            kindOfDelta.apply(-1).wireName(), kindOfDelta.apply(1).wireName())
        .query((rs, n) -> outcome(rs, level))
        .optional()
        .orElseThrow(() -> new NotFoundException("channel item"));
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

  private static ReportOutcome outcome(ResultSet rs, int level) throws SQLException {
    return switch (rs.getString("outcome")) {
      case "stale" -> new ReportOutcome.Stale();
      case "baseline" -> new ReportOutcome.Baseline(level);
      case "unchanged" -> new ReportOutcome.Unchanged(level);
      default -> new ReportOutcome.Applied(new Movement(rs.getLong("movement_id"), Rows.uuid(rs, "product_id"),
          rs.getInt("delta"), rs.getString("kind"), Rows.uuid(rs, "source_channel_id"), rs.getString("source_event"),
          rs.getString("reason"), rs.getInt("resulting_stock"), Rows.instant(rs, "created_at")));
    };
  }

  static Movement movement(ResultSet rs, int row) throws SQLException {
    return new Movement(rs.getLong("id"), Rows.uuid(rs, "product_id"), rs.getInt("delta"), rs.getString("kind"),
        Rows.uuid(rs, "source_channel_id"), rs.getString("source_event"), rs.getString("reason"),
        rs.getInt("resulting_stock"), Rows.instant(rs, "created_at"));
  }
}
