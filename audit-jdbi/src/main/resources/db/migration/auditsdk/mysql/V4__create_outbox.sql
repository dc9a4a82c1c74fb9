-- Audit SDK transactional outbox, version 4 (MySQL 8+). Idempotent: safe to run on every start.
-- Records made inside a business transaction wait here, inserted on the caller's connection, until
-- the relay moves them into activity_log. lease_owner/lease_until mark the rows a relay has claimed.
CREATE TABLE IF NOT EXISTS activity_log_outbox (
    id          BINARY(16)    NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    payload     MEDIUMTEXT    NOT NULL,
    lease_owner VARCHAR(64),
    lease_until DATETIME(6),
    PRIMARY KEY (id),
    KEY activity_log_outbox_lease_idx (lease_until),
    KEY activity_log_outbox_created_idx (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_0900_bin;
