package ai.stockclerk.store;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the stock ledger, newest first. Every method runs inside {@link Tenancy#inTenant}. */
@Repository
public class MovementStore {

  private static final String WHERE = HistoryFilter.where("source_channel_id");

  private final JdbcClient jdbc;

  MovementStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Page<Movement> list(MovementQuery query, PageRequest page) {
    List<Movement> items = HistoryFilter.bind(jdbc.sql("SELECT * FROM stock_movements WHERE " + WHERE
            + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset"), query)
        .param("limit", page.size())
        .param("offset", page.offset())
        .query(StockLedger::movement)
        .list();
    long total = HistoryFilter.bind(jdbc.sql("SELECT count(*) FROM stock_movements WHERE " + WHERE), query)
        .query(Long.class)
        .single();
    return new Page<>(items, page.page(), page.size(), total);
  }

}
