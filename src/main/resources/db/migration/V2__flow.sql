-- The sale-to-every-channel flow: agent activity counters, credential checks, and the look-ups the
-- recovery sweeps need before a tenant is known.

-- What each agent did for a tenant, kept across restarts for GET /api/v1/agents.
CREATE TABLE agent_activity (
  tenant_id        uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  agent            varchar(32) NOT NULL,
  processed        bigint      NOT NULL DEFAULT 0,
  errors           bigint      NOT NULL DEFAULT 0,
  last_activity_at timestamptz,
  last_error       text,
  last_error_at    timestamptz,
  PRIMARY KEY (tenant_id, agent)
);
ALTER TABLE agent_activity ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON agent_activity USING (tenant_id = current_tenant_id() OR operator_bypass())
  WITH CHECK (tenant_id = current_tenant_id() OR operator_bypass());
GRANT SELECT, INSERT, UPDATE ON agent_activity TO ${app_role};

-- When the credentials were last checked against the vendor; a save after that asks for a new check.
ALTER TABLE channels ADD COLUMN credentials_checked_at timestamptz;

-- Inbox rows still 'received' some time after they arrived: their job was lost or the node died.
CREATE FUNCTION pending_inbox(p_older_than timestamptz, p_limit integer)
  RETURNS TABLE (tenant_id uuid, inbox_id bigint, channel_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT w.tenant_id, w.id, w.channel_id FROM webhook_inbox w
        WHERE w.status = 'received' AND w.received_at < p_older_than
        ORDER BY w.received_at LIMIT p_limit $$;

-- Channels that owe a push (dirty items), for the sweep that re-queues lost sync jobs.
CREATE FUNCTION channels_owing_push(p_limit integer)
  RETURNS TABLE (tenant_id uuid, channel_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT DISTINCT i.tenant_id, i.channel_id FROM channel_items i
        JOIN channels c ON c.id = i.channel_id AND c.active
        WHERE i.dirty LIMIT p_limit $$;

-- Channels saved since their credentials were last checked.
CREATE FUNCTION channels_to_check(p_limit integer)
  RETURNS TABLE (tenant_id uuid, channel_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT c.tenant_id, c.id FROM channels c
        WHERE c.active AND (c.credentials_checked_at IS NULL OR c.credentials_checked_at < c.updated_at)
        ORDER BY c.updated_at LIMIT p_limit $$;

REVOKE ALL ON FUNCTION pending_inbox(timestamptz, integer), channels_owing_push(integer), channels_to_check(integer)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pending_inbox(timestamptz, integer), channels_owing_push(integer),
  channels_to_check(integer) TO ${app_role};
