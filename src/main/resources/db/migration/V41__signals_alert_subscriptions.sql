-- What each organisation chooses to be alerted about. No row: the defaults (today's early warning, one alert per link).
CREATE TABLE signals_alert_subscription
(
  organisation_id  UUID PRIMARY KEY,
  -- countries whose networks alert the organisation even before they cross a border (its own is implied, not stored)
  countries        TEXT[]      NOT NULL,
  -- categories a report in the network must have; empty: every category
  categories       TEXT[]      NOT NULL,
  min_network_size INT         NOT NULL CHECK (min_network_size >= 1),
  -- the least restrictive marking of a new report that may raise an alert
  tlp_floor        TEXT        NOT NULL,
  digest           TEXT        NOT NULL CHECK (digest IN ('NONE', 'DAILY')),
  updated_by       UUID,
  updated_at       TIMESTAMPTZ NOT NULL
);

-- A daily digest: the alerts held for one organisation since its previous digest, delivered as one.
CREATE TABLE signals_alert_digest
(
  id              UUID PRIMARY KEY,
  organisation_id UUID        NOT NULL,
  day             DATE        NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX signals_alert_digest_org_idx ON signals_alert_digest (organisation_id, created_at DESC);

-- Alerts that would have been raised for an organisation that asked for a daily digest: held until the digest goes out.
-- The payload is the same JSON an alert keeps in the inbox (the report, network, linked reports, countries, values).
CREATE TABLE signals_alert_held
(
  id              UUID PRIMARY KEY,
  organisation_id UUID        NOT NULL,
  report_id       UUID        NOT NULL,
  payload         TEXT        NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL,
  digest_id       UUID REFERENCES signals_alert_digest (id),
  UNIQUE (organisation_id, report_id)
);
CREATE INDEX signals_alert_held_pending_idx ON signals_alert_held (organisation_id) WHERE digest_id IS NULL;
CREATE INDEX signals_alert_held_digest_idx ON signals_alert_held (digest_id);
