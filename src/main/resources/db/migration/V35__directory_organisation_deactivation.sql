-- An organisation can be deactivated (it left the exchange, or was registered by mistake): its accounts are
-- deactivated with it and every token it holds is revoked; the row and its history stay.
ALTER TABLE directory_organisation
  ADD COLUMN active              BOOLEAN     NOT NULL DEFAULT TRUE,
  ADD COLUMN deactivated_at      TIMESTAMPTZ,
  ADD COLUMN deactivation_reason TEXT CHECK (deactivation_reason IS NULL OR length(deactivation_reason) <= 500);
