package ai.stockclerk.store;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the stock ledger, newest first. Every method runs inside {@link Tenancy#inTenant}. */
@Repository
public class MovementStore {

  private static final String WHERE = """
      tenant_id = :tenant
        AND (cast(:product AS uuid) IS NULL OR product_id = :product)
        AND (cast(:channel AS uuid) IS NULL OR source_channel_id = :channel)
        AND (cast(:from AS timestamptz) IS NULL OR created_at >= :from)
        AND (cast(:to AS timestamptz) IS NULL OR created_at < :to)""";

  private final JdbcClient jdbc;

  MovementStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Page<Movement> list(MovementQuery query, PageRequest page) {
    List<Movement> items = bind(jdbc.sql("SELECT * FROM stock_movements WHERE " + WHERE
            + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset"), query)
        .param("limit", page.size())
        .param("offset", page.offset())
        .query(StockLedger::movement)
        .list();
    long total = bind(jdbc.sql("SELECT count(*) FROM stock_movements WHERE " + WHERE), query)
        .query(Long.class)
        .single();
    return new Page<>(items, page.page(), page.size(), total);
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, MovementQuery query) {
    return spec.param("tenant", Tenancy.current())
        .param("product", query.productId())
        .param("channel", query.channelId())
        .param("from", Rows.timestamp(query.from()))
        .param("to", Rows.timestamp(query.to()));
  }
}
