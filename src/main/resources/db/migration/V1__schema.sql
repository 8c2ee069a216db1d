-- StockClerk schema. Runs as the owner role; the service itself connects as ${app_role},
-- which owns nothing and sees only the rows of the tenant set for the current transaction.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${app_role}') THEN
    CREATE ROLE ${app_role} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
  -- The migrating role serves through SET ROLE when no separate login is configured.
  IF NOT pg_has_role(current_user, '${app_role}', 'MEMBER') THEN
    EXECUTE format('GRANT %I TO %I', '${app_role}', current_user);
  END IF;
END $$;
-- Row-level security is skipped for the tables' owner (this role); the service never runs as it.

-- The tenant of the current transaction, set with set_config('app.tenant_id', id, true).
CREATE FUNCTION current_tenant_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

-- The audited operator bypass (see OperatorAccess): on only inside an operator transaction.
CREATE FUNCTION operator_bypass() RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce(current_setting('app.operator', true), '') = 'on' $$;

CREATE TABLE tenants (
  id            uuid PRIMARY KEY,
  name          varchar(255) NOT NULL,
  slug          varchar(100) NOT NULL UNIQUE,
  plan          varchar(32)  NOT NULL DEFAULT 'trial'
                CHECK (plan IN ('trial', 'starter', 'growth', 'enterprise')),
  status        varchar(16)  NOT NULL DEFAULT 'trial'
                CHECK (status IN ('trial', 'active', 'paused', 'cancelled')),
  trial_ends_at timestamptz,
  limits        jsonb        NOT NULL DEFAULT '{}'::jsonb,
  created_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id            uuid PRIMARY KEY,
  tenant_id     uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  email         varchar(320) NOT NULL,
  password_hash text         NOT NULL,
  name          varchar(255),
  role          varchar(16)  NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'admin', 'member')),
  super_admin   boolean      NOT NULL DEFAULT false,
  created_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_tenant_idx ON users (tenant_id);

CREATE TABLE channels (
  id                       uuid PRIMARY KEY,
  tenant_id                uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  type                     varchar(32)  NOT NULL
                           CHECK (type IN ('eposnow', 'shopify', 'woocommerce', 'wix', 'otter',
                                           'deliveroo', 'ubereats', 'square', 'simulator')),
  name                     varchar(255) NOT NULL,
  status                   varchar(16)  NOT NULL DEFAULT 'disconnected'
                           CHECK (status IN ('connected', 'disconnected', 'error')),
  status_detail            text,
  active                   boolean      NOT NULL DEFAULT true,
  external_instance_id     varchar(255),
  credentials_encrypted    text,
  webhook_secret_encrypted text,
  settings                 jsonb        NOT NULL DEFAULT '{}'::jsonb,
  last_sync_at             timestamptz,
  created_at               timestamptz  NOT NULL DEFAULT now(),
  updated_at               timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX channels_type_instance_key ON channels (type, external_instance_id)
  WHERE external_instance_id IS NOT NULL;
CREATE INDEX channels_tenant_idx ON channels (tenant_id, created_at DESC);

CREATE TABLE products (
  id                  uuid PRIMARY KEY,
  tenant_id           uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  sku                 varchar(100) NOT NULL,
  name                varchar(255) NOT NULL,
  barcode             varchar(64),
  stock               integer      NOT NULL DEFAULT 0,
  buffer_stock        integer      NOT NULL DEFAULT 0 CHECK (buffer_stock >= 0),
  low_stock_threshold integer      CHECK (low_stock_threshold >= 0),
  created_at          timestamptz  NOT NULL DEFAULT now(),
  updated_at          timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT products_tenant_sku_key UNIQUE (tenant_id, sku)
);
CREATE INDEX products_tenant_name_idx ON products (tenant_id, lower(name));
CREATE INDEX products_tenant_barcode_idx ON products (tenant_id, barcode) WHERE barcode IS NOT NULL;

-- One product on one channel: how the channel names it, what it last told us, what it should
-- show and what we last pushed. dirty = a push is owed (level-triggered sync); dirty_version
-- grows with every change, so a push only clears the flag if nothing changed while it ran.
CREATE TABLE channel_items (
  id             uuid PRIMARY KEY,
  tenant_id      uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  channel_id     uuid         NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  product_id     uuid         NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  external_id    varchar(255) NOT NULL,
  external_sku   varchar(255),
  reported_level integer,
  reported_at    timestamptz,
  desired_level  integer,
  pushed_level   integer,
  pushed_at      timestamptz,
  dirty          boolean      NOT NULL DEFAULT false,
  dirty_since    timestamptz,
  dirty_version  bigint       NOT NULL DEFAULT 0,
  created_at     timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT channel_items_external_key UNIQUE (channel_id, external_id),
  CONSTRAINT channel_items_product_key UNIQUE (channel_id, product_id)
);
CREATE INDEX channel_items_product_idx ON channel_items (tenant_id, product_id);
CREATE INDEX channel_items_dirty_idx ON channel_items (tenant_id, channel_id) WHERE dirty;

-- The stock ledger: append-only, one row per change, with the stock it resulted in.
CREATE TABLE stock_movements (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id         uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  product_id        uuid        NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  delta             integer     NOT NULL,
  kind              varchar(16) NOT NULL
                    CHECK (kind IN ('sale', 'return', 'restock', 'adjustment', 'order', 'correction')),
  source_channel_id uuid        REFERENCES channels (id) ON DELETE SET NULL,
  source_event      varchar(255),
  reason            varchar(500),
  resulting_stock   integer     NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stock_movements_tenant_time_idx ON stock_movements (tenant_id, created_at DESC, id DESC);
CREATE INDEX stock_movements_product_idx ON stock_movements (tenant_id, product_id, id DESC);
CREATE INDEX stock_movements_channel_idx ON stock_movements (tenant_id, source_channel_id, id DESC);

-- Every accepted webhook, committed before the vendor gets its 2xx (nothing accepted is lost).
CREATE TABLE webhook_inbox (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id    uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  channel_id   uuid         NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  dedup_key    varchar(255) NOT NULL,
  body         bytea        NOT NULL,
  headers      jsonb        NOT NULL DEFAULT '{}'::jsonb,
  received_at  timestamptz  NOT NULL DEFAULT now(),
  status       varchar(16)  NOT NULL DEFAULT 'received'
               CHECK (status IN ('received', 'processed', 'ignored', 'failed')),
  attempts     integer      NOT NULL DEFAULT 0,
  last_error   text,
  processed_at timestamptz,
  CONSTRAINT webhook_inbox_dedup_key UNIQUE (channel_id, dedup_key)
);
CREATE INDEX webhook_inbox_pending_idx ON webhook_inbox (received_at) WHERE status = 'received';
CREATE INDEX webhook_inbox_tenant_idx ON webhook_inbox (tenant_id, received_at DESC);

-- Audit trail of what the agents and people did (pushes, syncs, settings changes).
CREATE TABLE audit_events (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id  uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  type       varchar(64) NOT NULL,
  status     varchar(16) NOT NULL DEFAULT 'completed'
             CHECK (status IN ('pending', 'completed', 'failed')),
  channel_id uuid        REFERENCES channels (id) ON DELETE SET NULL,
  product_id uuid        REFERENCES products (id) ON DELETE SET NULL,
  actor      varchar(255),
  detail     jsonb       NOT NULL DEFAULT '{}'::jsonb,
  error      text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_events_tenant_time_idx ON audit_events (tenant_id, created_at DESC, id DESC);
CREATE INDEX audit_events_tenant_channel_idx ON audit_events (tenant_id, channel_id, id DESC);
CREATE INDEX audit_events_tenant_product_idx ON audit_events (tenant_id, product_id, id DESC);

CREATE TABLE alerts (
  id           uuid PRIMARY KEY,
  tenant_id    uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  type         varchar(32)  NOT NULL
               CHECK (type IN ('low_stock', 'sync_error', 'channel_disconnected', 'drift',
                               'unmapped_item', 'system')),
  severity     varchar(16)  NOT NULL DEFAULT 'medium' CHECK (severity IN ('low', 'medium', 'high')),
  subject      varchar(255) NOT NULL,
  message      text         NOT NULL,
  status       varchar(16)  NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'read', 'resolved')),
  dedup_key    varchar(255) NOT NULL,
  occurrences  integer      NOT NULL DEFAULT 1,
  metadata     jsonb        NOT NULL DEFAULT '{}'::jsonb,
  first_seen   timestamptz  NOT NULL DEFAULT now(),
  last_seen    timestamptz  NOT NULL DEFAULT now(),
  resolved_at  timestamptz
);
-- One unresolved alert per subject.
CREATE UNIQUE INDEX alerts_open_dedup_key ON alerts (tenant_id, dedup_key) WHERE status <> 'resolved';
CREATE INDEX alerts_tenant_status_idx ON alerts (tenant_id, status, last_seen DESC);

-- Operator actions that crossed the tenant wall. Not tenant-owned: written by OperatorAccess.
CREATE TABLE operator_audit (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  actor      varchar(255) NOT NULL,
  action     varchar(255) NOT NULL,
  tenant_id  uuid,
  created_at timestamptz  NOT NULL DEFAULT now()
);

-- The ledger's two operations, each one round trip so the product row is locked only as long as
-- the server needs. They run as the caller (row-level security applies). Lock order is always
-- the product row first, then channel items, so concurrent sales and reports never deadlock.
CREATE FUNCTION apply_stock_change(p_tenant uuid, p_product uuid, p_delta integer, p_kind text,
                                   p_channel uuid, p_event text, p_reason text)
  RETURNS SETOF stock_movements
  LANGUAGE plpgsql AS $$
DECLARE
  moved stock_movements;
BEGIN
  WITH changed AS (
    UPDATE products SET stock = stock + p_delta, updated_at = now()
    WHERE id = p_product AND tenant_id = p_tenant
    RETURNING id, tenant_id, stock)
  INSERT INTO stock_movements (tenant_id, product_id, delta, kind, source_channel_id, source_event, reason,
                               resulting_stock)
  SELECT tenant_id, id, p_delta, p_kind, p_channel, p_event, p_reason, stock FROM changed
  RETURNING * INTO moved;
  IF moved.id IS NULL THEN
    RETURN;
  END IF;
  IF p_delta <> 0 THEN
    -- Every other channel now owes a push; the version lets a running push see it was overtaken.
    UPDATE channel_items
    SET dirty = true, dirty_since = coalesce(dirty_since, now()), dirty_version = dirty_version + 1
    WHERE tenant_id = p_tenant AND product_id = p_product AND (p_channel IS NULL OR channel_id <> p_channel);
  END IF;
  RETURN NEXT moved;
END $$;

-- An absolute level reported by a channel, turned into a delta against the level last seen for
-- that item; a report older than the last one seen changes nothing.
CREATE FUNCTION apply_channel_report(p_tenant uuid, p_item uuid, p_level integer, p_reported_at timestamptz,
                                     p_event text, p_kind_down text, p_kind_up text)
  RETURNS TABLE (outcome text, movement_id bigint, product_id uuid, delta integer, kind text,
                 source_channel_id uuid, source_event text, reason text, resulting_stock integer,
                 created_at timestamptz)
  LANGUAGE plpgsql AS $$
DECLARE
  v_product uuid;
  v_channel uuid;
  v_level integer;
  v_at timestamptz;
  v_delta integer;
  moved stock_movements;
BEGIN
  SELECT i.product_id INTO v_product FROM channel_items i WHERE i.id = p_item AND i.tenant_id = p_tenant;
  IF v_product IS NULL THEN
    RETURN;
  END IF;
  PERFORM 1 FROM products p WHERE p.id = v_product FOR UPDATE;
  SELECT i.channel_id, i.reported_level, i.reported_at INTO v_channel, v_level, v_at
  FROM channel_items i WHERE i.id = p_item FOR UPDATE;
  IF v_at IS NOT NULL AND p_reported_at < v_at THEN
    outcome := 'stale';
    RETURN NEXT;
    RETURN;
  END IF;
  UPDATE channel_items i SET reported_level = p_level, reported_at = p_reported_at WHERE i.id = p_item;
  IF v_level IS NULL OR p_level = v_level THEN
    outcome := CASE WHEN v_level IS NULL THEN 'baseline' ELSE 'unchanged' END;
    RETURN NEXT;
    RETURN;
  END IF;
  v_delta := p_level - v_level;
  SELECT * INTO moved FROM apply_stock_change(p_tenant, v_product, v_delta,
      CASE WHEN v_delta < 0 THEN p_kind_down ELSE p_kind_up END, v_channel, p_event, NULL);
  outcome := 'applied';
  movement_id := moved.id;
  product_id := moved.product_id;
  delta := moved.delta;
  kind := moved.kind;
  source_channel_id := moved.source_channel_id;
  source_event := moved.source_event;
  reason := moved.reason;
  resulting_stock := moved.resulting_stock;
  created_at := moved.created_at;
  RETURN NEXT;
END $$;

-- Row-level security: the second wall behind the tenant filter every query carries.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['users', 'channels', 'products', 'channel_items', 'stock_movements',
                           'webhook_inbox', 'audit_events', 'alerts']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_wall ON %I USING (tenant_id = current_tenant_id() OR operator_bypass())'
                   ' WITH CHECK (tenant_id = current_tenant_id() OR operator_bypass())', t);
  END LOOP;
END $$;
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON tenants USING (id = current_tenant_id() OR operator_bypass())
  WITH CHECK (id = current_tenant_id() OR operator_bypass());

-- Least privilege for the service role: the ledger and the audit trails are append-only.
GRANT USAGE ON SCHEMA public TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON tenants, users, channels, products, channel_items, alerts TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON webhook_inbox TO ${app_role};
GRANT SELECT, INSERT ON stock_movements, audit_events TO ${app_role};
GRANT INSERT ON operator_audit TO ${app_role};
GRANT EXECUTE ON FUNCTION current_tenant_id(), operator_bypass(),
  apply_stock_change(uuid, uuid, integer, text, uuid, text, text),
  apply_channel_report(uuid, uuid, integer, timestamptz, text, text, text) TO ${app_role};

-- Look-ups that must cross the wall before a tenant is known; they return only what routing
-- and login need, and run as the owner (SECURITY DEFINER) so the service role itself cannot.
CREATE FUNCTION login_lookup(p_email text)
  RETURNS TABLE (user_id uuid, tenant_id uuid, password_hash text, role text, super_admin boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT u.id, u.tenant_id, u.password_hash, u.role::text, u.super_admin
        FROM users u WHERE lower(u.email) = lower(p_email) $$;

CREATE FUNCTION channel_route(p_channel_id uuid)
  RETURNS TABLE (tenant_id uuid, type text, active boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT c.tenant_id, c.type::text, c.active FROM channels c WHERE c.id = p_channel_id $$;

CREATE FUNCTION channel_route_by_instance(p_type text, p_instance_id text)
  RETURNS TABLE (channel_id uuid, tenant_id uuid, active boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT c.id, c.tenant_id, c.active FROM channels c
        WHERE c.type = p_type AND c.external_instance_id = p_instance_id $$;

CREATE FUNCTION tenant_ids_with_status(p_statuses text[])
  RETURNS TABLE (tenant_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT t.id FROM tenants t WHERE t.status = ANY (p_statuses) ORDER BY t.id $$;

REVOKE ALL ON FUNCTION login_lookup(text), channel_route(uuid), channel_route_by_instance(text, text),
  tenant_ids_with_status(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION login_lookup(text), channel_route(uuid), channel_route_by_instance(text, text),
  tenant_ids_with_status(text[]) TO ${app_role};
