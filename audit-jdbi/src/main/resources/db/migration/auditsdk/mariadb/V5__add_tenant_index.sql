-- Audit SDK activity log, version 5 (MariaDB 10.6+). Idempotent: safe to run on every start.
-- Tenant reads: every read of a one-tenant auditor filters on tenant and pages newest first by
-- (occurred_at, id), so this index serves the page straight from its end (see BENCHMARKS.md).
CREATE INDEX IF NOT EXISTS activity_log_tenant_idx ON activity_log (tenant, occurred_at, id);
