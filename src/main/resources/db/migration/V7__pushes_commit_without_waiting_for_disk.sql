-- Pushes commit without waiting for the disk. A push's two statements (marking its items in
-- flight, settling them) are done again when a crash loses their commit: the items are still dirty
-- in what survived, and level-triggered sync pushes the current level again. synchronous_commit
-- off is local to the statement's transaction; webhooks (accept_webhook) and everything else keep
-- waiting for the disk, since a vendor is answered 200 only once its webhook is stored for good.

CREATE OR REPLACE FUNCTION items_to_push(p_tenant uuid, p_channel uuid, p_limit integer, p_not_checked text)
  RETURNS TABLE (id uuid, product_id uuid, external_id text, stock integer, buffer_stock integer,
                 reported_level integer, pushed_level integer, dirty_version bigint)
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('app.tenant_id', p_tenant::text, true);
  PERFORM set_config('synchronous_commit', 'off', true);
  RETURN QUERY
    WITH owed AS (
      SELECT i.id, i.product_id, i.external_id, p.stock, p.buffer_stock, i.reported_level, i.pushed_level,
             i.dirty_version
      FROM channel_items i
      JOIN products p ON p.id = i.product_id AND p.tenant_id = i.tenant_id
      JOIN channels c ON c.id = i.channel_id AND c.tenant_id = i.tenant_id
      WHERE i.tenant_id = p_tenant AND i.channel_id = p_channel AND i.dirty AND c.active
        AND (c.status <> 'disconnected' OR c.status_detail IS NOT DISTINCT FROM p_not_checked)
      ORDER BY i.dirty_since, i.id
      LIMIT p_limit),
    locked AS (
      SELECT i.id FROM channel_items i WHERE i.id IN (SELECT o.id FROM owed o) AND i.tenant_id = p_tenant
      ORDER BY i.product_id, i.id
      FOR UPDATE)
    UPDATE channel_items u SET push_started_at = now()
    FROM locked l JOIN owed o ON o.id = l.id
    WHERE u.id = l.id
    -- Stock and version as one snapshot saw them: a change committed while this waited for a
    -- lock has a newer version, so the settlement of this push leaves the item dirty.
    RETURNING o.id, o.product_id, o.external_id::text, o.stock, o.buffer_stock, o.reported_level, o.pushed_level,
              o.dirty_version;
END $$;

CREATE OR REPLACE FUNCTION settle_pushes(p_tenant uuid, p_channel uuid, p_items uuid[], p_levels integer[],
                              p_versions bigint[], p_outcomes text[], p_audit_types text[],
                              p_audit_statuses text[], p_audit_products uuid[], p_audit_details jsonb[],
                              p_audit_errors text[])
  RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  s record;
BEGIN
  PERFORM set_config('app.tenant_id', p_tenant::text, true);
  PERFORM set_config('synchronous_commit', 'off', true);
  FOR s IN
    SELECT a.item, a.level, a.version, a.outcome
    FROM unnest(p_items, p_levels, p_versions, p_outcomes) AS a(item, level, version, outcome)
    JOIN channel_items i ON i.id = a.item AND i.tenant_id = p_tenant
    ORDER BY i.product_id, i.id
  LOOP
    IF s.outcome = 'acknowledged' THEN
      UPDATE channel_items
      SET pushed_level = s.level, pushed_at = now(), desired_level = s.level, reported_level = s.level,
          dirty = (dirty_version <> s.version),
          dirty_since = CASE WHEN dirty_version <> s.version THEN dirty_since END, push_started_at = NULL
      WHERE id = s.item AND tenant_id = p_tenant;
    ELSIF s.outcome = 'not_owed' THEN
      UPDATE channel_items
      SET desired_level = s.level, dirty = (dirty_version <> s.version),
          dirty_since = CASE WHEN dirty_version <> s.version THEN dirty_since END, push_started_at = NULL
      WHERE id = s.item AND tenant_id = p_tenant;
    ELSE
      UPDATE channel_items SET push_started_at = NULL WHERE id = s.item AND tenant_id = p_tenant;
    END IF;
  END LOOP;
  INSERT INTO audit_events (tenant_id, type, status, channel_id, product_id, actor, detail, error)
  SELECT p_tenant, a.type, a.status, p_channel, a.product_id, 'sync', a.detail, a.error
  FROM unnest(p_audit_types, p_audit_statuses, p_audit_products, p_audit_details, p_audit_errors)
       AS a(type, status, product_id, detail, error);
END $$;
