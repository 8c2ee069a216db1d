package ai.stockclerk.store;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work in a transaction walled to one tenant. The tenant is set with a transaction-local
 * {@code set_config}, so a pooled connection never carries it into the next transaction, and
 * row-level security hides every other tenant's rows even from a query that forgets its filter.
 */
@Component
public class Tenancy {

  private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();
  private static final String WALL = "SELECT set_config('app.tenant_id', ?, true)";
  private static final String WALL_WITHOUT_WAITING_FOR_DISK =
      "SELECT set_config('app.tenant_id', ?, true), set_config('synchronous_commit', 'off', true)";

  private final TransactionTemplate transactions;
  private final JdbcClient jdbc;

  Tenancy(TransactionTemplate transactions, JdbcClient jdbc) {
    this.transactions = transactions;
    this.jdbc = jdbc;
  }

  /** Runs {@code work} for {@code tenantId}, joining the current transaction if it is that tenant's. */
  public <T> T inTenant(UUID tenantId, Supplier<T> work) {
    return inTenant(tenantId, work, WALL);
  }

  /**
   * Like {@link #inTenant}, for work that is done again when a crash loses its commit: the commit
   * does not wait for the disk ({@code synchronous_commit} off for this transaction only; nothing
   * is corrupted, a crash loses at most the last fraction of a second of such commits, whole). The
   * Watcher's batches qualify: their webhooks were stored durably before the vendor was answered,
   * and a batch whose commit is lost leaves them untried for the recovery sweep.
   */
  public <T> T inTenantRedoable(UUID tenantId, Supplier<T> work) {
    return inTenant(tenantId, work, WALL_WITHOUT_WAITING_FOR_DISK);
  }

  private <T> T inTenant(UUID tenantId, Supplier<T> work, String setUp) {
    Objects.requireNonNull(tenantId, "tenantId");
    UUID outer = CURRENT.get();
    if (tenantId.equals(outer)) {
      return work.get();
    }
    if (outer != null) {
      throw new IllegalStateException("a transaction of one tenant cannot work for another");
    }
    return transactions.execute(status -> {
      CURRENT.set(tenantId);
      try {
        jdbc.sql(setUp).param(tenantId.toString()).query().listOfRows();
        return work.get();
      } finally {
        CURRENT.remove();
      }
    });
  }

  public void runInTenant(UUID tenantId, Runnable work) {
    inTenant(tenantId, () -> {
      work.run();
      return null;
    });
  }

  /**
   * For store calls that set the tenant wall themselves, in a statement that is its own transaction
   * (one round trip on the hot path): inside another transaction they would change its tenant.
   */
  static void requireOwnTransaction(String what) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException(what + " runs in a transaction of its own");
    }
  }

  /** The tenant of the running transaction; store code calls this to add its explicit filter. */
  static UUID current() {
    UUID tenant = CURRENT.get();
    if (tenant == null) {
      throw new IllegalStateException("store access outside a tenant transaction");
    }
    return tenant;
  }
}
