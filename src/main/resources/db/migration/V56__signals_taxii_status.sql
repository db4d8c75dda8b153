-- TAXII 2.1 status resources: what a POST of objects to a collection did (ADR 0034). Object ids and reasons only;
-- no identifier values.
CREATE TABLE signals_taxii_status
(
  id              UUID PRIMARY KEY,
  organisation_id UUID        NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL,
  body            TEXT        NOT NULL
);
CREATE INDEX signals_taxii_status_organisation_idx ON signals_taxii_status (organisation_id, created_at);
