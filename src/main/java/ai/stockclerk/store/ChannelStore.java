package ai.stockclerk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tenant's channels. Every method runs inside {@link Tenancy#inTenant}. */
@Repository
public class ChannelStore {

  private final JdbcClient jdbc;

  ChannelStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public ChannelRecord create(UUID id, String type, String name, String externalInstanceId,
      String credentialsEncrypted, String webhookSecretEncrypted, String settingsJson) {
    try {
      jdbc.sql("""
              INSERT INTO channels (id, tenant_id, type, name, external_instance_id, credentials_encrypted,
                                    webhook_secret_encrypted, settings, status_detail)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'credentials not checked yet')""")
          .params(id, Tenancy.current(), type, name, externalInstanceId, credentialsEncrypted,
              webhookSecretEncrypted, settingsJson)
          .update();
    } catch (DuplicateKeyException e) {
      throw new ConflictException("a " + type + " channel with this external instance id is already connected");
    }
    return find(id).orElseThrow();
  }

  public Optional<ChannelRecord> find(UUID id) {
    return jdbc.sql("SELECT * FROM channels WHERE id = ? AND tenant_id = ?")
        .params(id, Tenancy.current())
        .query(ChannelStore::channel)
        .optional();
  }

  public ChannelRecord get(UUID id) {
    return find(id).orElseThrow(() -> new NotFoundException("channel"));
  }

  public List<ChannelRecord> list() {
    return jdbc.sql("SELECT * FROM channels WHERE tenant_id = ? ORDER BY created_at DESC, id")
        .param(Tenancy.current())
        .query(ChannelStore::channel)
        .list();
  }

  public int countActive() {
    return jdbc.sql("SELECT count(*) FROM channels WHERE tenant_id = ? AND active")
        .param(Tenancy.current())
        .query(Integer.class)
        .single();
  }

  public ChannelRecord update(UUID id, ChannelChanges changes) {
    int updated;
    try {
      updated = jdbc.sql("""
              UPDATE channels SET
                name = coalesce(?, name),
                active = coalesce(?, active),
                external_instance_id = coalesce(?, external_instance_id),
                credentials_encrypted = coalesce(?, credentials_encrypted),
                settings = coalesce(?::jsonb, settings),
                updated_at = now()
              WHERE id = ? AND tenant_id = ?""")
          .params(changes.name(), changes.active(), changes.externalInstanceId(), changes.credentialsEncrypted(),
              changes.settingsJson(), id, Tenancy.current())
          .update();
    } catch (DuplicateKeyException e) {
      throw new ConflictException("a channel of this type with this external instance id is already connected");
    }
    if (updated == 0) {
      throw new NotFoundException("channel");
    }
    return get(id);
  }

  public void setStatus(UUID id, String status, String detail) {
    jdbc.sql("UPDATE channels SET status = ?, status_detail = ?, updated_at = now() WHERE id = ? AND tenant_id = ?")
        .params(status, detail, id, Tenancy.current())
        .update();
  }

  /** Records the outcome of a credential check; a later save asks for a new check. */
  public void recordCredentialCheck(UUID id, String status, String detail) {
    jdbc.sql("""
            UPDATE channels SET status = ?, status_detail = ?, updated_at = now(), credentials_checked_at = now()
            WHERE id = ? AND tenant_id = ?""")
        .params(status, detail, id, Tenancy.current())
        .update();
  }

  public void delete(UUID id) {
    if (jdbc.sql("DELETE FROM channels WHERE id = ? AND tenant_id = ?").params(id, Tenancy.current()).update() == 0) {
      throw new NotFoundException("channel");
    }
  }

  static ChannelRecord channel(ResultSet rs, int row) throws SQLException {
    return new ChannelRecord(Rows.uuid(rs, "id"), Rows.uuid(rs, "tenant_id"), rs.getString("type"),
        rs.getString("name"), rs.getString("status"), rs.getString("status_detail"), rs.getBoolean("active"),
        rs.getString("external_instance_id"), rs.getString("credentials_encrypted"),
        rs.getString("webhook_secret_encrypted"), rs.getString("settings"), Rows.instant(rs, "last_sync_at"),
        Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
  }
}
