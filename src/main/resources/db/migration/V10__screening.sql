-- Screening (module screening): one row per completed interview. Coded answers (indicator codes, profile) are kept
-- in the clear for scoring and statistics; identifying answers and the XForm instance as submitted are sealed with
-- the field keyset (module protection) and never stored in plaintext.
CREATE TABLE screening (
  id                   UUID        PRIMARY KEY,
  organisation_id      UUID        NOT NULL,
  screened_by          UUID,
  actor                TEXT        NOT NULL,
  source               TEXT        NOT NULL CHECK (source IN ('API', 'OPENROSA', 'WEB')),
  form_id              TEXT        NOT NULL,
  form_version         TEXT        NOT NULL,
  language             TEXT        NOT NULL,
  instance_id          TEXT        NOT NULL UNIQUE,
  submission_digest    TEXT        NOT NULL,
  outcome              TEXT        NOT NULL CHECK (outcome IN ('PRESUMED_VICTIM', 'POSSIBLE_VICTIM', 'NO_INDICATORS')),
  forced_criminality   BOOLEAN     NOT NULL,
  non_punishment       BOOLEAN     NOT NULL,
  measures             TEXT[]      NOT NULL,
  next_steps           TEXT[]      NOT NULL,
  reasons              JSONB       NOT NULL,
  indicators           JSONB       NOT NULL,
  profile              JSONB       NOT NULL,
  consent_assistance   BOOLEAN     NOT NULL,
  consent_referral     BOOLEAN     NOT NULL,
  consent_share        BOOLEAN     NOT NULL,
  consent_research     BOOLEAN     NOT NULL,
  personal             TEXT,
  instance_xml         TEXT        NOT NULL,
  created_at           TIMESTAMPTZ NOT NULL
);

CREATE INDEX screening_organisation ON screening (organisation_id, created_at DESC);

-- Field devices (ODK Collect, KoboCollect): each carries its own token in the server URL, as ODK Central's app users
-- do. Only the token's SHA-256 is stored; an organisation's admin issues and revokes them.
CREATE TABLE screening_device (
  id               UUID        PRIMARY KEY,
  organisation_id  UUID        NOT NULL,
  name             TEXT        NOT NULL,
  token_hash       TEXT        NOT NULL UNIQUE,
  created_by       UUID,
  created_at       TIMESTAMPTZ NOT NULL,
  last_used_at     TIMESTAMPTZ,
  revoked_at       TIMESTAMPTZ
);

CREATE INDEX screening_device_organisation ON screening_device (organisation_id);
