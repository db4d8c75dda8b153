-- Reports filed by a bulk import carry its id, so the import's reports are correlated together in one pass and its
-- early warnings are raised in one go after it commits.
ALTER TABLE signals_report ADD COLUMN import_id UUID;
CREATE INDEX signals_report_import_idx ON signals_report (import_id) WHERE import_id IS NOT NULL;
