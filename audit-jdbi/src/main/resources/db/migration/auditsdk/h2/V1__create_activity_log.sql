-- Audit SDK activity log, version 1 (H2 2.x). Idempotent: safe to run on every start.
-- Ids are UUID v7 (time-ordered); times are UTC with microseconds.
CREATE TABLE IF NOT EXISTS activity_log (
    id             UUID                         NOT NULL PRIMARY KEY,
    occurred_at    TIMESTAMP(6) WITH TIME ZONE  NOT NULL,
    actor          VARCHAR(255),
    actor_name     VARCHAR(255),
    tenant         VARCHAR(255),
    action         VARCHAR(64)                  NOT NULL,
    status         VARCHAR(16)                  NOT NULL,
    remarks        VARCHAR(1048576),
    target_type    VARCHAR(255),
    target_id      VARCHAR(255),
    client_ip      VARCHAR(64),
    user_agent     VARCHAR(4096),
    request_id     VARCHAR(128),
    trace_id       VARCHAR(64),
    http_method    VARCHAR(32),
    http_path      VARCHAR(8192),
    http_route     VARCHAR(255),
    http_status    INTEGER,
    duration_ms    BIGINT,
    data           CLOB                         NOT NULL,
    source         VARCHAR(16)                  NOT NULL,
    schema_version SMALLINT                     NOT NULL,
    chain_id       VARCHAR(255),
    chain_seq      BIGINT,
    prev_hash      VARCHAR(128),
    hash           VARCHAR(128)
);
CREATE INDEX IF NOT EXISTS activity_log_actor_idx ON activity_log (actor, occurred_at, id);
CREATE INDEX IF NOT EXISTS activity_log_target_idx ON activity_log (target_type, target_id, occurred_at, id);
CREATE INDEX IF NOT EXISTS activity_log_time_idx ON activity_log (occurred_at, id);
CREATE INDEX IF NOT EXISTS activity_log_request_idx ON activity_log (request_id);
CREATE UNIQUE INDEX IF NOT EXISTS activity_log_chain_idx ON activity_log (chain_id, chain_seq);
