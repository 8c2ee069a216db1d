package ai.stockclerk.store;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The filters shared by the ledger and audit listings: tenant, product, channel and a time window. */
final class HistoryFilter {

  private HistoryFilter() {}

  static String where(String channelColumn) {
    return """
        tenant_id = :tenant
          AND (cast(:product AS uuid) IS NULL OR product_id = :product)
          AND (cast(:channel AS uuid) IS NULL OR %s = :channel)
          AND (cast(:from AS timestamptz) IS NULL OR created_at >= :from)
          AND (cast(:to AS timestamptz) IS NULL OR created_at < :to)""".formatted(channelColumn);
  }

  static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, MovementQuery query) {
    return spec.param("tenant", Tenancy.current())
        .param("product", query.productId())
        .param("channel", query.channelId())
        .param("from", Rows.timestamp(query.from()))
        .param("to", Rows.timestamp(query.to()));
  }
}
