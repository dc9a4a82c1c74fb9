-- Audit SDK activity log, version 7 (PostgreSQL 13+). Idempotent: safe to run on every start.
-- Partial lookup indexes: every read filters actor, target, request id, login name and tenant by
-- equality only, which PostgreSQL knows implies IS NOT NULL, so an index of the non-null keys serves
-- the same reads. A row whose key is null (login_name on every record but logins, tenant in a
-- single-tenant application, actor on anonymous requests) then costs that index no entry at all.
-- The full indexes of versions 1, 2 and 5 are dropped once these exist; when the store applies the
-- scripts itself it no longer creates them first. On an existing table the CREATE INDEX statements
-- read the whole table once, and writes to it wait meanwhile.
CREATE INDEX IF NOT EXISTS activity_log_actor_nn_idx ON activity_log (actor, occurred_at, id) WHERE actor IS NOT NULL;
CREATE INDEX IF NOT EXISTS activity_log_target_nn_idx ON activity_log (target_type, target_id, occurred_at, id) WHERE target_type IS NOT NULL;
CREATE INDEX IF NOT EXISTS activity_log_request_nn_idx ON activity_log (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS activity_log_login_nn_idx ON activity_log (login_name, occurred_at, id) WHERE login_name IS NOT NULL;
CREATE INDEX IF NOT EXISTS activity_log_tenant_nn_idx ON activity_log (tenant, occurred_at, id) WHERE tenant IS NOT NULL;
DROP INDEX IF EXISTS activity_log_actor_idx;
DROP INDEX IF EXISTS activity_log_target_idx;
DROP INDEX IF EXISTS activity_log_request_idx;
DROP INDEX IF EXISTS activity_log_login_idx;
DROP INDEX IF EXISTS activity_log_tenant_idx;
