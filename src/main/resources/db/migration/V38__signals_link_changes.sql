-- Issue 17 (ADR 0021): what changed networks since a moment, so a bulk import can link its reports outside the
-- correlation lock and, under it, reconcile only what single filings and curation changed meanwhile.
-- One row per report filed one by one (the networks its filing merged, and the survivor) and one per change that
-- can split networks or change what links (a recomputation, a cut, a warning-list entry): split = TRUE.
CREATE TABLE signals_link_change
(
  seq        BIGSERIAL PRIMARY KEY,
  report_id  UUID,
  merged     UUID[]      NOT NULL DEFAULT '{}',
  survivor   UUID,
  split      BOOLEAN     NOT NULL DEFAULT FALSE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX signals_link_change_created_idx ON signals_link_change (created_at);
