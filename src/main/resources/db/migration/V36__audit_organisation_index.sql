-- An organisation administrator reads their own organisation's entries, newest first.
CREATE INDEX audit_entry_organisation_idx ON audit_entry (organisation_id, seq DESC);
