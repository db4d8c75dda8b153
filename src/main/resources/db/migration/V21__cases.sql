-- Victims' cases (module cases). Coded fields follow HTCDS 2.0 and stay in the clear for lists and exports; every
-- personal field (names, date of birth, documents, contacts, addresses, family contact, the person's own account) and
-- every free text a person writes (notes, reasons) is sealed with the protection module's field cipher.
CREATE TABLE cases_case
(
  id                      UUID PRIMARY KEY,
  -- a short reference people read aloud on the phone, unique per installation
  reference               TEXT        NOT NULL UNIQUE,
  owner_organisation_id   UUID        NOT NULL REFERENCES directory_organisation (id),
  status                  TEXT        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
  source                  TEXT        NOT NULL CHECK (source IN ('SCREENING', 'MANUAL')),
  screening_id            UUID UNIQUE,
  screening_outcome       TEXT,
  -- HTCDS trafficking status and the organisation that decided it
  trafficking_status      TEXT        NOT NULL CHECK (trafficking_status IN ('PRESUMED', 'POSSIBLE', 'NOT_DETERMINED')),
  status_decided_by       UUID,
  non_punishment          BOOLEAN     NOT NULL DEFAULT FALSE,
  forced_criminality      BOOLEAN     NOT NULL DEFAULT FALSE,
  recruitment_methods     TEXT[]      NOT NULL DEFAULT '{}',
  recruitment_platform    TEXT,
  means_of_control        TEXT[]      NOT NULL DEFAULT '{}',
  exploitation_types      TEXT[]      NOT NULL DEFAULT '{}',
  nationality             TEXT,
  transit_countries       TEXT[]      NOT NULL DEFAULT '{}',
  exploitation_countries  TEXT[]      NOT NULL DEFAULT '{}',
  age_band                TEXT,
  gender                  TEXT,
  recruited_on            DATE,
  exploitation_began_on   DATE,
  exited_on               DATE,
  identified_on           DATE        NOT NULL,
  risk                    TEXT        NOT NULL DEFAULT 'UNKNOWN' CHECK (risk IN ('UNKNOWN', 'LOW', 'MEDIUM', 'HIGH')),
  personal                TEXT,
  -- keyed hashes of the words of the person's names, so a case worker can find a case by name without the name
  -- being stored in the clear
  name_tokens             TEXT[]      NOT NULL DEFAULT '{}',
  opened_by               TEXT        NOT NULL,
  opened_by_account       UUID,
  opened_at               TIMESTAMPTZ NOT NULL,
  updated_at              TIMESTAMPTZ NOT NULL,
  closed_at               TIMESTAMPTZ,
  closed_by               TEXT,
  closure_reason          TEXT,
  closure_overrode        BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX cases_case_owner_idx ON cases_case (owner_organisation_id, updated_at DESC, id);
CREATE INDEX cases_case_owner_status_idx ON cases_case (owner_organisation_id, status, updated_at DESC);
CREATE INDEX cases_case_name_tokens_idx ON cases_case USING gin (name_tokens);

-- Consent is versioned: a change is a new row; the one with the highest version is in force.
CREATE TABLE cases_consent
(
  -- each version's own id: the context its sealed note is bound to
  id               UUID        NOT NULL UNIQUE,
  case_id          UUID        NOT NULL REFERENCES cases_case (id),
  version          INTEGER     NOT NULL CHECK (version > 0),
  assistance       BOOLEAN     NOT NULL,
  -- organisation types a referral may go to; empty: no referral
  referral_types   TEXT[]      NOT NULL,
  share_country    BOOLEAN     NOT NULL,
  research         BOOLEAN     NOT NULL,
  explained_in     TEXT,
  explained_by     TEXT        NOT NULL,
  source           TEXT        NOT NULL CHECK (source IN ('SCREENING', 'CASE_WORKER')),
  note             TEXT,
  recorded_by      TEXT        NOT NULL,
  recorded_at      TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (case_id, version)
);

CREATE TABLE cases_referral
(
  id                   UUID PRIMARY KEY,
  case_id              UUID        NOT NULL REFERENCES cases_case (id),
  from_organisation_id UUID        NOT NULL REFERENCES directory_organisation (id),
  to_organisation_id   UUID        NOT NULL REFERENCES directory_organisation (id),
  state                TEXT        NOT NULL CHECK (state IN ('SENT', 'ACCEPTED', 'DECLINED', 'COMPLETED', 'REVOKED')),
  services             TEXT[]      NOT NULL,
  share_personal       BOOLEAN     NOT NULL,
  consent_version      INTEGER     NOT NULL,
  -- set when a supervisor sent it without the consent covering it (e.g. a child at risk); sealed
  consent_override     TEXT,
  note                 TEXT,
  reason               TEXT,
  sent_by              TEXT        NOT NULL,
  sent_at              TIMESTAMPTZ NOT NULL,
  answered_by          TEXT,
  answered_at          TIMESTAMPTZ,
  closed_by            TEXT,
  closed_at            TIMESTAMPTZ,
  CHECK (from_organisation_id <> to_organisation_id)
);
CREATE INDEX cases_referral_case_idx ON cases_referral (case_id);
CREATE INDEX cases_referral_to_idx ON cases_referral (to_organisation_id, sent_at DESC);
CREATE INDEX cases_referral_from_idx ON cases_referral (from_organisation_id, sent_at DESC);

-- Time-limited reading of a case by a case worker of another organisation, with a written reason (sealed).
CREATE TABLE cases_break_glass
(
  id              UUID PRIMARY KEY,
  case_id         UUID        NOT NULL REFERENCES cases_case (id),
  organisation_id UUID        NOT NULL,
  account_id      UUID        NOT NULL,
  actor           TEXT        NOT NULL,
  reason          TEXT        NOT NULL,
  granted_at      TIMESTAMPTZ NOT NULL,
  expires_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX cases_break_glass_case_idx ON cases_break_glass (case_id, account_id, expires_at);

-- Everything that happened to a case, in order. The detail holds codes and ids only, never a personal field.
CREATE TABLE cases_timeline
(
  id              UUID PRIMARY KEY,
  case_id         UUID        NOT NULL REFERENCES cases_case (id),
  at              TIMESTAMPTZ NOT NULL,
  actor           TEXT        NOT NULL,
  organisation_id UUID,
  kind            TEXT        NOT NULL,
  detail          JSONB       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX cases_timeline_case_idx ON cases_timeline (case_id, at, id);

-- The non-punishment measures a screening's determination implies, tracked on the case until answered.
CREATE TABLE cases_measure
(
  id            UUID PRIMARY KEY,
  case_id       UUID        NOT NULL REFERENCES cases_case (id),
  measure       TEXT        NOT NULL,
  state         TEXT        NOT NULL CHECK (state IN ('TO_REQUEST', 'REQUESTED', 'DONE', 'REFUSED')),
  requested_to  TEXT,
  requested_at  TIMESTAMPTZ,
  requested_by  TEXT,
  answer        TEXT,
  answered_at   TIMESTAMPTZ,
  letter_code   TEXT,
  UNIQUE (case_id, measure)
);

-- Tasks on a case, with a due date, for a case worker of the owning organisation (or its whole team when unassigned).
CREATE TABLE cases_task
(
  id           UUID PRIMARY KEY,
  case_id      UUID        NOT NULL REFERENCES cases_case (id),
  -- what to do; sealed, since people write names into it
  title        TEXT        NOT NULL,
  -- why it exists: written by a person, or raised by a rising re-recruitment risk, a measure to chase...
  origin       TEXT        NOT NULL,
  due_on       DATE        NOT NULL,
  assigned_to  UUID,
  state        TEXT        NOT NULL CHECK (state IN ('OPEN', 'DONE', 'CANCELLED')),
  created_by   TEXT        NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL,
  done_by      TEXT,
  done_at      TIMESTAMPTZ
);
CREATE INDEX cases_task_case_idx ON cases_task (case_id);
CREATE INDEX cases_task_open_due_idx ON cases_task (due_on, case_id) WHERE state = 'OPEN';
