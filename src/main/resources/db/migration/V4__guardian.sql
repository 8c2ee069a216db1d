-- Guardian: one row per reconciliation run of a tenant, with its figures and a per-channel report
-- (drifted, missing and unmatched items, errors). Kept so people and the demo can see what it found.

CREATE TABLE guardian_runs (
  id                uuid PRIMARY KEY,
  tenant_id         uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  trigger           varchar(16)  NOT NULL CHECK (trigger IN ('scheduled', 'manual')),
  scope_channel_id  uuid,
  scope_product_id  uuid,
  status            varchar(16)  NOT NULL CHECK (status IN ('completed', 'partial', 'failed')),
  started_at        timestamptz  NOT NULL,
  finished_at       timestamptz  NOT NULL,
  duration_ms       bigint       NOT NULL,
  channels_checked  integer      NOT NULL,
  items_checked     integer      NOT NULL,
  drift_found       integer      NOT NULL,
  drift_repaired    integer      NOT NULL,
  drift_flagged     integer      NOT NULL,
  missing_items     integer      NOT NULL,
  unmatched_items   integer      NOT NULL,
  errors            integer      NOT NULL,
  report            jsonb        NOT NULL DEFAULT '{}'
);
CREATE INDEX guardian_runs_tenant_idx ON guardian_runs (tenant_id, started_at DESC);

ALTER TABLE guardian_runs ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON guardian_runs USING (tenant_id = current_tenant_id() OR operator_bypass())
  WITH CHECK (tenant_id = current_tenant_id() OR operator_bypass());

GRANT SELECT, INSERT, DELETE ON guardian_runs TO ${app_role};
