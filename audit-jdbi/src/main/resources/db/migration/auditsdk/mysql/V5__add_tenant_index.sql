-- Audit SDK activity log, version 5 (MySQL 8+). MySQL has no CREATE INDEX IF NOT EXISTS: when the
-- store applies its schema on start it skips this statement once the index exists (error 1061).
-- Tenant reads: every read of a one-tenant auditor filters on tenant and pages newest first by
-- (occurred_at, id), so this index serves the page straight from its end (see BENCHMARKS.md).
CREATE INDEX activity_log_tenant_idx ON activity_log (tenant, occurred_at, id);
