-- Public reports (module cases, intake): filed without an account on /report by the person held or a relative or
-- friend. The coded fields stay in the clear for routing; every free text the reporter writes (where the person is
-- held, how to contact them safely, what happened) is one JSON value sealed with the field cipher, bound to the row.
-- Who was told, and whether they acknowledged, lives in the sharing inbox (kind cases.intake, key = the intake id).
-- No client address is stored: the rate limits count keyed hashes in memory only.
CREATE TABLE cases_intake
(
  id            UUID PRIMARY KEY,
  -- what the reporter keeps to ask for the status: Crockford base32, 8 random symbols and a check symbol
  reference     TEXT        NOT NULL UNIQUE,
  reporter      TEXT        NOT NULL CHECK (reporter IN ('SELF', 'FAMILY', 'FRIEND')),
  nationality   TEXT        NOT NULL CHECK (nationality ~ '^[A-Z]{2}$'),
  country_held  TEXT        NOT NULL CHECK (country_held ~ '^[A-Z]{2}$'),
  -- the person agreed to telling both countries; otherwise only the country of nationality is told (ADR 0018)
  share_both    BOOLEAN     NOT NULL,
  -- the language of the page the report was written on (BCP 47)
  language      TEXT        NOT NULL,
  details       TEXT        NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX cases_intake_created_idx ON cases_intake (created_at DESC);

-- The case each receiving organisation opened from an intake: at most one per organisation.
CREATE TABLE cases_intake_case
(
  intake_id       UUID        NOT NULL REFERENCES cases_intake (id),
  organisation_id UUID        NOT NULL REFERENCES directory_organisation (id),
  case_id         UUID        NOT NULL REFERENCES cases_case (id),
  opened_at       TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (intake_id, organisation_id)
);

-- Proof-of-work challenges already used: a solved challenge is accepted once. Rows past their expiry are purged.
CREATE TABLE cases_intake_spent_challenge
(
  nonce      TEXT PRIMARY KEY,
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX cases_intake_spent_challenge_expiry_idx ON cases_intake_spent_challenge (expires_at);
