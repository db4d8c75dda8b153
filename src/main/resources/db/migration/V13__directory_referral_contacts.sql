-- Referral contacts per country (module directory): hotlines, consular protection, victim support and child protection
-- services, with languages and hours, kept by each organisation's admin and shown on screening results.
CREATE TABLE directory_referral_contact (
  id               UUID        PRIMARY KEY,
  organisation_id  UUID        NOT NULL REFERENCES directory_organisation (id),
  country          CHAR(2)     NOT NULL,
  kind             TEXT        NOT NULL CHECK (kind IN ('HOTLINE', 'CONSULAR_PROTECTION', 'VICTIM_SUPPORT',
                                                      'CHILD_PROTECTION')),
  name             TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  phone            TEXT,
  email            TEXT,
  website          TEXT,
  languages        TEXT[]      NOT NULL DEFAULT '{}',
  hours            TEXT,
  updated_at       TIMESTAMPTZ NOT NULL
);

CREATE INDEX directory_referral_contact_country ON directory_referral_contact (country, kind);
