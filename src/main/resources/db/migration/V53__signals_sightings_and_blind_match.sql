-- Sightings and outcomes (ADR 0032) and the blind-match key (ADR 0033).

-- Each indicator row gets an id callers can address (POST /api/v1/signals/indicators/{id}/sightings).
ALTER TABLE signals_indicator ADD COLUMN id UUID NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX signals_indicator_id_idx ON signals_indicator (id);

-- A sighting (SEEN, FALSE_POSITIVE) or an outcome (ACCOUNT_REMOVED ... ARREST) one organisation recorded on an
-- indicator it can see. The id doubles as the STIX sighting id (sighting--<id>). The note is sealed.
CREATE TABLE signals_sighting
(
  id              UUID PRIMARY KEY,
  report_id       UUID        NOT NULL,
  position        INT         NOT NULL,
  organisation_id UUID        NOT NULL,
  account_id      UUID,
  kind            TEXT        NOT NULL CHECK (kind IN ('SEEN', 'FALSE_POSITIVE', 'ACCOUNT_REMOVED', 'NUMBER_BLOCKED',
                                                       'DOMAIN_SUSPENDED', 'WALLET_FROZEN', 'ARREST')),
  observed_at     TIMESTAMPTZ NOT NULL,
  note            TEXT,
  created_at      TIMESTAMPTZ NOT NULL,
  FOREIGN KEY (report_id, position) REFERENCES signals_indicator (report_id, position)
);
CREATE INDEX signals_sighting_indicator_idx ON signals_sighting (report_id, position, observed_at);
CREATE INDEX signals_sighting_false_positive_idx ON signals_sighting (report_id, position) WHERE kind = 'FALSE_POSITIVE';

-- The installation's blind-match master secret, sealed; each organisation's key is derived from it.
CREATE TABLE signals_blind_match_key
(
  id         INT PRIMARY KEY,
  secret     TEXT        NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
