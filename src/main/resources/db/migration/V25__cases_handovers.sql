-- Handovers of a case to an organisation of this installation or of a peer installation (module cases), as one
-- signed package; and the packages received, each once.
ALTER TABLE cases_case DROP CONSTRAINT cases_case_source_check;
ALTER TABLE cases_case ADD CONSTRAINT cases_case_source_check CHECK (source IN ('SCREENING', 'MANUAL', 'HANDOVER'));

-- Sent: the package id is the handover's id.
CREATE TABLE cases_handover
(
  id                    UUID PRIMARY KEY,
  case_id               UUID        NOT NULL REFERENCES cases_case (id),
  from_organisation_id  UUID        NOT NULL REFERENCES directory_organisation (id),
  -- the installation it goes to: this one's name for a handover inside it
  to_instance           TEXT        NOT NULL,
  -- set when the receiving organisation is in this installation's directory
  to_organisation_id    UUID REFERENCES directory_organisation (id),
  to_organisation_name  TEXT        NOT NULL,
  to_country            TEXT        NOT NULL,
  -- names of the personal fields the package carries (encrypted to the receiving installation)
  personal_fields       TEXT[]      NOT NULL,
  consent_version       INTEGER     NOT NULL,
  -- a supervisor's reason to hand over what the consent does not cover; sealed
  consent_override      TEXT,
  -- the signed package as sent; sealed
  package               TEXT        NOT NULL,
  state                 TEXT        NOT NULL CHECK (state IN ('SENT', 'RECEIVED')),
  sent_by               TEXT        NOT NULL,
  sent_at               TIMESTAMPTZ NOT NULL,
  pushed_at             TIMESTAMPTZ,
  -- what the peer answered to the last push (status and a short reason), never personal data
  push_outcome          TEXT,
  received_at           TIMESTAMPTZ,
  received_by           TEXT
);
CREATE INDEX cases_handover_case_idx ON cases_handover (case_id);
CREATE INDEX cases_handover_from_idx ON cases_handover (from_organisation_id, sent_at DESC);

-- Received: one row per package id, so a package replayed a second time is refused.
CREATE TABLE cases_handover_received
(
  package_id          UUID PRIMARY KEY,
  from_instance       TEXT        NOT NULL,
  from_organisation   TEXT        NOT NULL,
  from_case_id        UUID        NOT NULL,
  to_organisation_id  UUID        NOT NULL REFERENCES directory_organisation (id),
  -- AWAITING: pushed by the sending installation, waiting for a case worker; OPENED: a case holds it
  state               TEXT        NOT NULL CHECK (state IN ('AWAITING', 'OPENED')),
  case_id             UUID REFERENCES cases_case (id),
  -- the signed package as received; sealed
  package             TEXT        NOT NULL,
  arrived_by          TEXT        NOT NULL,
  arrived_at          TIMESTAMPTZ NOT NULL,
  opened_by           TEXT,
  opened_at           TIMESTAMPTZ,
  -- whether the sender has been told (NOT_NEEDED inside one installation)
  receipt             TEXT        NOT NULL CHECK (receipt IN ('PENDING', 'DELIVERED', 'NOT_NEEDED'))
);
CREATE INDEX cases_handover_received_to_idx ON cases_handover_received (to_organisation_id, arrived_at DESC);
