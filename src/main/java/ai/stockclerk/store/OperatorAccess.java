package ai.stockclerk.store;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way across the tenant wall, for operators and super-admins: each use is recorded in
 * {@code operator_audit} in the same transaction as the work, with who did it and why.
 */
@Component
public class OperatorAccess {

  private static final Logger log = LoggerFactory.getLogger(OperatorAccess.class);

  private final TransactionTemplate transactions;
  private final JdbcClient jdbc;

  OperatorAccess(TransactionTemplate transactions, JdbcClient jdbc) {
    this.transactions = transactions;
    this.jdbc = jdbc;
  }

  public <T> T acrossTenants(String actor, String action, UUID tenantOrNull, Supplier<T> work) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    return transactions.execute(status -> {
      jdbc.sql("SELECT set_config('app.operator', 'on', true)").query().singleValue();
      jdbc.sql("INSERT INTO operator_audit (actor, action, tenant_id) VALUES (?, ?, ?)")
          .params(actor, action, tenantOrNull)
          .update();
      log.info("Operator access by {}: {} (tenant {})", actor, action, tenantOrNull);
      return work.get();
    });
  }
}
