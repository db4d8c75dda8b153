-- A focal point acknowledges a notice from a screening abroad; its organisation's notices are read newest first.
ALTER TABLE screening_notice
  ADD COLUMN acknowledged_by TEXT,
  ADD COLUMN acknowledged_at TIMESTAMPTZ;

CREATE INDEX screening_notice_recipient ON screening_notice (to_organisation_id, sent_at DESC);
