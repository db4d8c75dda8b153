-- Early warning: an alert per organisation when a new report links into a network holding reports from another
-- country, as far as that organisation may see the reports.
CREATE TABLE signals_alert
(
  id              UUID PRIMARY KEY,
  organisation_id UUID        NOT NULL,
  report_id       UUID        NOT NULL REFERENCES signals_report (id),
  -- the network as the recipient sees it: named after the oldest report visible to the recipient
  network_id      UUID        NOT NULL,
  linked_reports  UUID[]      NOT NULL,
  countries       TEXT[]      NOT NULL,
  state           TEXT        NOT NULL CHECK (state IN ('NEW', 'ACKNOWLEDGED', 'CLOSED')),
  note            TEXT,
  created_at      TIMESTAMPTZ NOT NULL,
  updated_at      TIMESTAMPTZ NOT NULL,
  updated_by      UUID,
  UNIQUE (organisation_id, report_id)
);
CREATE INDEX signals_alert_inbox_idx ON signals_alert (organisation_id, created_at DESC);

-- The values linking the new report to the recipient's visible reports: the evidence of the alert.
CREATE TABLE signals_alert_value
(
  alert_id  UUID NOT NULL REFERENCES signals_alert (id),
  type      TEXT NOT NULL,
  canonical TEXT NOT NULL,
  PRIMARY KEY (alert_id, type, canonical)
);

-- One webhook per organisation; the secret signs deliveries (HMAC-SHA256) and is shown once at registration.
CREATE TABLE signals_webhook
(
  organisation_id UUID PRIMARY KEY,
  url             TEXT        NOT NULL,
  secret          TEXT        NOT NULL,
  created_by      UUID,
  created_at      TIMESTAMPTZ NOT NULL
);

-- Each delivery attempt that failed, for the organisation's admin to see.
CREATE TABLE signals_webhook_failure
(
  id              UUID PRIMARY KEY,
  organisation_id UUID        NOT NULL,
  alert_id        UUID        NOT NULL REFERENCES signals_alert (id),
  attempt         INT         NOT NULL,
  error           TEXT        NOT NULL,
  failed_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX signals_webhook_failure_org_idx ON signals_webhook_failure (organisation_id, failed_at DESC);

-- Delivered alerts, so that a redelivery after a restart is recognisable (and skipped) even if the registry was not
-- marked complete.
CREATE TABLE signals_webhook_delivery
(
  alert_id     UUID PRIMARY KEY REFERENCES signals_alert (id),
  delivered_at TIMESTAMPTZ NOT NULL,
  status       INT         NOT NULL
);
