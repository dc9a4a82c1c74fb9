-- Audit SDK activity log, version 3 (MySQL 8+). MySQL has no ADD COLUMN IF NOT EXISTS: when the
-- store applies its schema on start it skips this statement once the column exists (error 1060).
-- instance: the label of the application instance that recorded the row (host, pod), as configured on
-- its recorder. A label only: rows are told apart by chain_id, one chain per recorder start.
-- Rows written before keep it null and their schema_version (1 or 2).
ALTER TABLE activity_log ADD COLUMN instance VARCHAR(255);
