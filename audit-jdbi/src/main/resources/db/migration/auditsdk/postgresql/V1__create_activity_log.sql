-- Audit SDK activity log, version 1 (PostgreSQL 13+). Idempotent: safe to run on every start.
-- Ids are UUID v7 (time-ordered); times are UTC with microseconds.
CREATE TABLE IF NOT EXISTS activity_log (
    id             uuid          NOT NULL PRIMARY KEY,
    occurred_at    timestamptz   NOT NULL,
    actor          varchar(255),
    actor_name     varchar(255),
    tenant         varchar(255),
    action         varchar(64)   NOT NULL,
    status         varchar(16)   NOT NULL,
    remarks        text,
    target_type    varchar(255),
    target_id      varchar(255),
    client_ip      varchar(64),
    user_agent     varchar(4096),
    request_id     varchar(128),
    trace_id       varchar(64),
    http_method    varchar(32),
    http_path      varchar(8192),
    http_route     varchar(255),
    http_status    integer,
    duration_ms    bigint,
    data           jsonb         NOT NULL,
    source         varchar(16)   NOT NULL,
    schema_version smallint      NOT NULL,
    chain_id       varchar(255),
    chain_seq      bigint,
    prev_hash      varchar(128),
    hash           varchar(128)
);
CREATE INDEX IF NOT EXISTS activity_log_actor_idx ON activity_log (actor, occurred_at, id);
CREATE INDEX IF NOT EXISTS activity_log_target_idx ON activity_log (target_type, target_id, occurred_at, id);
CREATE INDEX IF NOT EXISTS activity_log_time_idx ON activity_log (occurred_at, id);
CREATE INDEX IF NOT EXISTS activity_log_request_idx ON activity_log (request_id);
CREATE UNIQUE INDEX IF NOT EXISTS activity_log_chain_idx ON activity_log (chain_id, chain_seq);
