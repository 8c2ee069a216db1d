-- The sale-to-every-channel hot path: fewer index pages, row locks and round trips per sale.

-- A tenant's rows still owing processing, in arrival order. The Watcher's batch read used to walk
-- every tenant's pending rows (the pending index has no tenant) or every row the tenant ever sent.
CREATE INDEX webhook_inbox_untried_idx ON webhook_inbox (tenant_id, id) WHERE status = 'received';

-- An inbox row reaches its tenant through its channel, and a movement through its product; both
-- cascade from the tenant already. The direct keys only made every insert lock the tenant's row
-- (FOR KEY SHARE), which every concurrent webhook and sale of the tenant then contended for.
ALTER TABLE webhook_inbox DROP CONSTRAINT webhook_inbox_tenant_id_fkey;
ALTER TABLE stock_movements DROP CONSTRAINT stock_movements_tenant_id_fkey;

-- Functions that set the tenant wall themselves (set_config local to the transaction) are called
-- as statements of their own, outside any transaction: one round trip each on the hot path.

-- Stores an accepted webhook as its tenant; the row's id, or nothing when the same event is
-- already stored.
CREATE FUNCTION accept_webhook(p_tenant uuid, p_channel uuid, p_dedup_key text, p_body bytea, p_headers jsonb)
  RETURNS bigint
  LANGUAGE plpgsql AS $$
DECLARE
  stored bigint;
BEGIN
  PERFORM set_config('app.tenant_id', p_tenant::text, true);
  INSERT INTO webhook_inbox (tenant_id, channel_id, dedup_key, body, headers)
  VALUES (p_tenant, p_channel, p_dedup_key, p_body, p_headers)
  ON CONFLICT (channel_id, dedup_key) DO NOTHING
  RETURNING id INTO stored;
  RETURN stored;
END $$;

-- The Sync agent's two statements around a vendor call. Each sets the tenant wall for its own
-- transaction (one round trip each, no transaction held open across the vendor call).

-- When a push of the item started and is not settled yet. A level the channel reports meanwhile
-- cannot be told apart from our own write's effect (its echo, or a sale counted from the level we
-- pushed) until the push settles, so the Watcher waits for the settlement (apply_stock_events). A
-- push whose node died is forgotten after 30 seconds.
ALTER TABLE channel_items ADD COLUMN push_started_at timestamptz;

-- A channel's dirty items with their product's stock, oldest first, marked as being pushed; none
-- when the channel is not served: inactive, gone, or disconnected because the vendor refused its
-- credentials (a channel whose status detail is p_not_checked is disconnected only until its first
-- check, and is served). Items are locked in product order, as everywhere else.
CREATE FUNCTION items_to_push(p_tenant uuid, p_channel uuid, p_limit integer, p_not_checked text)
  RETURNS TABLE (id uuid, product_id uuid, external_id text, stock integer, buffer_stock integer,
                 reported_level integer, pushed_level integer, dirty_version bigint)
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('app.tenant_id', p_tenant::text, true);
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

-- What a push settled, per item: acknowledged (the item shows what was pushed), not_owed (nothing
-- more to send at that level: shown already, or refused for good) or unsettled (still owed: the
-- push failed or was refused as stale). Acknowledged and not_owed items stay dirty when a change
-- arrived while the push ran; every item stops being in flight. Items are locked in product order,
-- the order apply_stock_events locks in, so a push settling and a batch applying never wait on each
-- other in a cycle. The push's audit rows are written with it.
CREATE FUNCTION settle_pushes(p_tenant uuid, p_channel uuid, p_items uuid[], p_levels integer[],
                              p_versions bigint[], p_outcomes text[], p_audit_types text[],
                              p_audit_statuses text[], p_audit_products uuid[], p_audit_details jsonb[],
                              p_audit_errors text[])
  RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  s record;
BEGIN
  PERFORM set_config('app.tenant_id', p_tenant::text, true);
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

-- Applies the stock events of a batch of webhooks in one call, with the rules of apply_stock_change
-- and apply_channel_report: finds each event's item, applies it, marks the source item dirty when
-- the level its channel shows must differ, and names the channels that now owe a push. Events are
-- applied product by product, in arrival order within a product: every batch and every push
-- settlement locks products and items in that one order, so none waits on another in a cycle.
-- Per event (arrays of one length): its group (the webhook it came in: a group is applied whole or
-- not at all), its channel, the item's external id, whether it reports an absolute level (else a
-- quantity change), the level or the delta, when it happened, the vendor's event id, the movement
-- kind (for a level report: the kind if it went down, p_kinds_up if up), and the channel's role
-- (TILL shows stock; ONLINE and AVAILABILITY show stock less the buffer, and AVAILABILITY only
-- whether that is above 0).
-- A group with a level report on an item whose push is in flight is held: nothing of it is
-- applied (outcome held), to be tried again once the push settles; the other groups go through.
-- One row per event (outcome applied, held, unmapped, stale, baseline or unchanged; ordinal = its
-- place in the arrays), then one row per channel owing a push (outcome owing, ordinal NULL).
CREATE FUNCTION apply_stock_events(p_tenant uuid, p_groups integer[], p_channels uuid[], p_items text[],
                                   p_is_level boolean[], p_amounts integer[], p_at timestamptz[],
                                   p_events text[], p_kinds text[], p_kinds_up text[], p_roles text[])
  RETURNS TABLE (ordinal integer, outcome text, channel_id uuid, product_id uuid, sku text, delta integer,
                 kind text, resulting_stock integer, buffer_stock integer, low_stock_threshold integer)
  LANGUAGE plpgsql AS $$
DECLARE
  e record;
  v_held integer[];
  v_moved uuid[] := '{}';
  v_shown integer;
  v_push_source boolean;
BEGIN
  v_held := ARRAY(
    SELECT DISTINCT n.grp FROM unnest(p_groups, p_channels, p_items, p_is_level) AS n(grp, channel, item, is_level)
    JOIN channel_items i ON i.tenant_id = p_tenant AND i.channel_id = n.channel AND i.external_id = n.item
    WHERE n.is_level AND i.push_started_at > now() - interval '30 seconds');
  FOR e IN
    SELECT n.ord::integer AS ord, n.grp, n.channel, n.item, n.is_level, n.amount, n.at, n.event, n.kind, n.kind_up,
           n.role, i.id AS item_id, i.product_id AS item_product, i.reported_level AS known_level
    FROM unnest(p_groups, p_channels, p_items, p_is_level, p_amounts, p_at, p_events, p_kinds, p_kinds_up, p_roles)
         WITH ORDINALITY AS n(grp, channel, item, is_level, amount, at, event, kind, kind_up, role, ord)
    LEFT JOIN channel_items i ON i.tenant_id = p_tenant AND i.channel_id = n.channel AND i.external_id = n.item
    ORDER BY i.product_id NULLS LAST, n.ord
  LOOP
    ordinal := e.ord;
    channel_id := e.channel;
    product_id := e.item_product;
    outcome := NULL; sku := NULL; delta := NULL; kind := NULL; resulting_stock := NULL;
    buffer_stock := NULL; low_stock_threshold := NULL;
    IF e.grp = ANY (v_held) THEN
      outcome := 'held';
      RETURN NEXT;
      CONTINUE;
    END IF;
    IF e.item_id IS NULL THEN
      outcome := 'unmapped';
      RETURN NEXT;
      CONTINUE;
    END IF;
    IF e.is_level THEN
      SELECT r.outcome, r.delta, r.kind, r.resulting_stock INTO outcome, delta, kind, resulting_stock
      FROM apply_channel_report(p_tenant, e.item_id, e.amount, e.at, e.event, e.kind, e.kind_up) r;
    ELSE
      SELECT 'applied', m.delta, m.kind, m.resulting_stock INTO outcome, delta, kind, resulting_stock
      FROM apply_stock_change(p_tenant, e.item_product, e.amount, e.kind, e.channel, e.event, NULL) m;
    END IF;
    IF outcome IS NULL THEN
      RAISE EXCEPTION 'product % of item % is gone', e.item_product, e.item_id USING ERRCODE = 'no_data_found';
    END IF;
    IF outcome = 'applied' THEN
      SELECT p.sku, p.buffer_stock, p.low_stock_threshold INTO sku, buffer_stock, low_stock_threshold
      FROM products p WHERE p.id = e.item_product AND p.tenant_id = p_tenant;
      v_shown := greatest(0, CASE WHEN e.role = 'TILL' THEN resulting_stock ELSE resulting_stock - buffer_stock END);
      v_push_source := CASE
        WHEN e.is_level AND e.role = 'AVAILABILITY' THEN (e.amount > 0) <> (v_shown > 0)
        WHEN e.is_level THEN e.amount <> v_shown
        WHEN e.role = 'AVAILABILITY' THEN e.known_level IS NULL OR (e.known_level > 0) <> (v_shown > 0)
        ELSE true
      END;
      IF v_push_source THEN
        UPDATE channel_items i
        SET dirty = true, dirty_since = coalesce(i.dirty_since, now()), dirty_version = i.dirty_version + 1
        WHERE i.id = e.item_id AND i.tenant_id = p_tenant;
      END IF;
      v_moved := v_moved || e.item_product;
    END IF;
    RETURN NEXT;
  END LOOP;
  ordinal := NULL; outcome := 'owing'; product_id := NULL; sku := NULL; delta := NULL; kind := NULL;
  resulting_stock := NULL; buffer_stock := NULL; low_stock_threshold := NULL;
  FOR channel_id IN
    SELECT DISTINCT i.channel_id FROM channel_items i
    WHERE i.tenant_id = p_tenant AND i.product_id = ANY (v_moved) AND i.dirty
  LOOP
    RETURN NEXT;
  END LOOP;
END $$;

GRANT EXECUTE ON FUNCTION accept_webhook(uuid, uuid, text, bytea, jsonb),
  apply_stock_events(uuid, integer[], uuid[], text[], boolean[], integer[], timestamptz[], text[], text[], text[],
    text[]),
  items_to_push(uuid, uuid, integer, text),
  settle_pushes(uuid, uuid, uuid[], integer[], bigint[], text[], text[], text[], uuid[], jsonb[], text[])
  TO ${app_role};
