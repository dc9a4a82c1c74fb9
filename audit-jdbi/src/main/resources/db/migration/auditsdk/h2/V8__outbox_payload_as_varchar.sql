-- Audit SDK transactional outbox, version 8 (H2 2.x). Idempotent: safe to run on every start.
-- payload as CHARACTER VARYING instead of CLOB, for the reason of V6: H2 keeps a CLOB longer than 256
-- characters apart from its row, in its LOB maps, and a payload (a whole record as JSON) always is, so
-- every outbox insert and delete wrote those maps too. Rows wait in the outbox only until the relay
-- moves them, so the one-time rewrite of an existing outbox is small.
ALTER TABLE activity_log_outbox ALTER COLUMN payload SET DATA TYPE CHARACTER VARYING;
