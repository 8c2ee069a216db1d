-- Alert agent: per-tenant notification settings, one delivery record per (alert, medium) so that
-- no alert occurrence is sent twice even with several nodes, and the per-tenant schedule of the
-- periodic checks (claimed atomically, so one node runs each tenant's check per interval).

CREATE TABLE notification_settings (
  tenant_id                uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  email_enabled            boolean      NOT NULL DEFAULT false,
  email_recipients         text[]       NOT NULL DEFAULT '{}',
  webhook_enabled          boolean      NOT NULL DEFAULT false,
  webhook_url              varchar(2048),
  webhook_secret_encrypted text,
  minimum_severity         varchar(16)  NOT NULL DEFAULT 'low'
                           CHECK (minimum_severity IN ('low', 'medium', 'high')),
  updated_at               timestamptz  NOT NULL DEFAULT now()
);

-- An alert occurrence is one opening of an alert (a new row in alerts); repeats of an open alert
-- only count occurrences and are not sent again. The unique key is what makes a send happen once.
CREATE TABLE alert_deliveries (
  id              uuid PRIMARY KEY,
  tenant_id       uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  alert_id        uuid         NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  medium          varchar(16)  NOT NULL CHECK (medium IN ('email', 'webhook')),
  payload         text         NOT NULL,
  status          varchar(16)  NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
  attempts        integer      NOT NULL DEFAULT 0,
  next_attempt_at timestamptz  NOT NULL,
  claimed_by      varchar(100),
  claimed_until   timestamptz,
  last_error      varchar(500),
  sent_at         timestamptz,
  created_at      timestamptz  NOT NULL,
  CONSTRAINT alert_deliveries_once UNIQUE (alert_id, medium)
);
CREATE INDEX alert_deliveries_due_idx ON alert_deliveries (tenant_id, next_attempt_at) WHERE status = 'pending';
CREATE INDEX alert_deliveries_tenant_idx ON alert_deliveries (tenant_id, created_at DESC);

CREATE TABLE alert_check_schedule (
  tenant_id       uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  next_check_at   timestamptz NOT NULL,
  last_checked_at timestamptz,
  last_checked_by varchar(100)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['notification_settings', 'alert_deliveries', 'alert_check_schedule']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_wall ON %I USING (tenant_id = current_tenant_id() OR operator_bypass())'
                   ' WITH CHECK (tenant_id = current_tenant_id() OR operator_bypass())', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON notification_settings, alert_deliveries, alert_check_schedule TO ${app_role};

-- The delivery worker serves every tenant: it needs to know which tenants have sends due before
-- it can open a transaction walled to one of them. Only tenant ids cross the wall.
CREATE FUNCTION tenants_with_due_alert_deliveries(p_now timestamptz, p_limit integer)
  RETURNS TABLE (tenant_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT DISTINCT d.tenant_id FROM alert_deliveries d
        WHERE d.status = 'pending' AND d.next_attempt_at <= p_now
          AND (d.claimed_until IS NULL OR d.claimed_until <= p_now)
        LIMIT p_limit $$;

REVOKE ALL ON FUNCTION tenants_with_due_alert_deliveries(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenants_with_due_alert_deliveries(timestamptz, integer) TO ${app_role};
