-- Audit SDK transactional outbox, version 4 (PostgreSQL 13+). Idempotent: safe to run on every start.
-- Records made inside a business transaction wait here, inserted on the caller's connection, until
-- the relay moves them into activity_log. lease_owner/lease_until mark the rows a relay has claimed.
CREATE TABLE IF NOT EXISTS activity_log_outbox (
    id          uuid          NOT NULL PRIMARY KEY,
    created_at  timestamptz   NOT NULL,
    payload     text          NOT NULL,
    lease_owner varchar(64),
    lease_until timestamptz
);
CREATE INDEX IF NOT EXISTS activity_log_outbox_lease_idx ON activity_log_outbox (lease_until);
CREATE INDEX IF NOT EXISTS activity_log_outbox_created_idx ON activity_log_outbox (created_at);
