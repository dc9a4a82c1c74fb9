-- Audit SDK activity log, version 3 (PostgreSQL 13+). Idempotent: safe to run on every start.
-- instance: the label of the application instance that recorded the row (host, pod), as configured on
-- its recorder. A label only: rows are told apart by chain_id, one chain per recorder start.
-- Rows written before keep it null and their schema_version (1 or 2).
ALTER TABLE activity_log ADD COLUMN IF NOT EXISTS instance VARCHAR(255);
