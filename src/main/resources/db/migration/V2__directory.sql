-- directory module: organisations, accounts, API tokens, sharing groups.
CREATE TABLE directory_organisation
(
  id         UUID PRIMARY KEY,
  name       TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  type       TEXT        NOT NULL,
  country    CHAR(2)     NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX directory_organisation_name_uk ON directory_organisation (lower(name));

CREATE TABLE directory_account
(
  id                   UUID PRIMARY KEY,
  username             TEXT        NOT NULL,
  display_name         TEXT,
  password_hash        TEXT        NOT NULL,
  organisation_id      UUID        NOT NULL REFERENCES directory_organisation (id),
  roles                TEXT[]      NOT NULL,
  active               BOOLEAN     NOT NULL DEFAULT TRUE,
  must_change_password BOOLEAN     NOT NULL DEFAULT FALSE,
  failed_logins        INT         NOT NULL DEFAULT 0,
  locked_until         TIMESTAMPTZ,
  created_at           TIMESTAMPTZ NOT NULL,
  deactivated_at       TIMESTAMPTZ,
  deactivation_reason  TEXT
);
CREATE UNIQUE INDEX directory_account_username_uk ON directory_account (lower(username));
CREATE INDEX directory_account_organisation_idx ON directory_account (organisation_id);

-- Tokens are stored as SHA-256 of the opaque secret; the secret itself is shown once.
CREATE TABLE directory_api_token
(
  id              UUID PRIMARY KEY,
  token_hash      BYTEA       NOT NULL UNIQUE,
  kind            TEXT        NOT NULL CHECK (kind IN ('PERSONAL', 'MACHINE')),
  account_id      UUID REFERENCES directory_account (id),
  organisation_id UUID        NOT NULL REFERENCES directory_organisation (id),
  name            TEXT,
  scopes          TEXT[]      NOT NULL DEFAULT '{}',
  created_by      UUID REFERENCES directory_account (id),
  created_at      TIMESTAMPTZ NOT NULL,
  expires_at      TIMESTAMPTZ NOT NULL,
  revoked_at      TIMESTAMPTZ,
  last_used_at    TIMESTAMPTZ,
  CHECK ((kind = 'PERSONAL' AND account_id IS NOT NULL) OR (kind = 'MACHINE' AND name IS NOT NULL))
);
CREATE INDEX directory_api_token_account_idx ON directory_api_token (account_id);

CREATE TABLE directory_sharing_group
(
  id          UUID PRIMARY KEY,
  name        TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description TEXT,
  created_by  UUID        NOT NULL REFERENCES directory_account (id),
  created_at  TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX directory_sharing_group_name_uk ON directory_sharing_group (lower(name));

CREATE TABLE directory_sharing_group_member
(
  group_id        UUID NOT NULL REFERENCES directory_sharing_group (id),
  organisation_id UUID NOT NULL REFERENCES directory_organisation (id),
  PRIMARY KEY (group_id, organisation_id)
);
