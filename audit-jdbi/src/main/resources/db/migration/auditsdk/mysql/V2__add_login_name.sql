-- Audit SDK activity log, version 2 (MySQL 8+). MySQL has no ADD COLUMN IF NOT EXISTS: when the
-- store applies its schema on start it skips this statement once the column exists (error 1060).
-- login_name: the user name given at a login, logout or failed login, as typed (never an
-- authenticated identity: that stays in actor, which is null for a failed login).
-- Rows written before keep it null and schema_version 1.
ALTER TABLE activity_log ADD COLUMN login_name VARCHAR(255), ADD INDEX activity_log_login_idx (login_name, occurred_at, id);
