-- Issue 17 (ADR 0021): a write path built for bulk imports.
-- The indicator->report and report->network foreign keys cost a key-share lookup per written row (about 35% of an
-- import's write). Reports and networks are never deleted, and only ReportStore.insert and BulkRows write indicators
-- and reports, each in the same transaction as the report or network they name, so the checks can never fail.
ALTER TABLE signals_indicator DROP CONSTRAINT IF EXISTS signals_indicator_report_id_fkey;
ALTER TABLE signals_report DROP CONSTRAINT IF EXISTS signals_report_network_id_fkey;
-- Staged rows are read once, in one sorted scan, per import: a sort is cheaper than keeping a btree up to date for
-- every staged row.
DROP INDEX IF EXISTS signals_import_row_report_idx;
