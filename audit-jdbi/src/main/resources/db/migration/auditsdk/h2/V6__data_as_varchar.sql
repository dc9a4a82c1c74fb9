-- Audit SDK activity log, version 6 (H2 2.x). Idempotent: safe to run on every start.
-- data as CHARACTER VARYING instead of CLOB: H2 keeps a CLOB longer than 256 characters apart from
-- its row, in its LOB maps, which costs every such insert several more B-tree writes (see
-- BENCHMARKS.md). A VARCHAR holds up to 1,000,000,000 characters, far more than the 1 MiB the
-- recorder lets data grow to, and reads back the same text. Converting an existing table rewrites it
-- once; on a table already converted, this statement changes nothing.
ALTER TABLE activity_log ALTER COLUMN data SET DATA TYPE CHARACTER VARYING;
