-- Audit SDK activity log, version 2 (H2 2.x). Idempotent: safe to run on every start.
-- login_name: the user name given at a login, logout or failed login, as typed (never an
-- authenticated identity: that stays in actor, which is null for a failed login).
-- Rows written before keep it null and schema_version 1.
ALTER TABLE activity_log ADD COLUMN IF NOT EXISTS login_name VARCHAR(255);
CREATE INDEX IF NOT EXISTS activity_log_login_idx ON activity_log (login_name, occurred_at, id);
