-- The officer's decision on a screening: the computed outcome stays as it was; the final outcome is the officer's,
-- confirmed or overridden with a written reason. A screening is voided with a reason, never deleted.
ALTER TABLE screening
  ADD COLUMN final_outcome   TEXT CHECK (final_outcome IN ('PRESUMED_VICTIM', 'POSSIBLE_VICTIM', 'NO_INDICATORS')),
  ADD COLUMN decision        TEXT CHECK (decision IN ('CONFIRMED', 'OVERRIDDEN')),
  ADD COLUMN decision_reason TEXT,
  ADD COLUMN decided_by      TEXT,
  ADD COLUMN decided_at      TIMESTAMPTZ,
  ADD COLUMN void_reason     TEXT,
  ADD COLUMN voided_by       TEXT,
  ADD COLUMN voided_at       TIMESTAMPTZ;

-- Non-punishment letters: the verification code is what the letter's QR code carries; the row says whether the
-- letter is current or withdrawn and shows no personal data.
CREATE TABLE screening_letter (
  code             TEXT        PRIMARY KEY,
  screening_id     UUID        NOT NULL REFERENCES screening (id),
  organisation_id  UUID        NOT NULL,
  language         TEXT        NOT NULL,
  measures         TEXT[]      NOT NULL,
  issued_by        TEXT        NOT NULL,
  issued_at        TIMESTAMPTZ NOT NULL,
  withdrawn_at     TIMESTAMPTZ,
  withdrawn_reason TEXT
);

CREATE INDEX screening_letter_screening ON screening_letter (screening_id);

-- Notices to the focal points of the person's country of nationality, sent with the person's consent.
CREATE TABLE screening_notice (
  id                     UUID        PRIMARY KEY,
  screening_id           UUID        NOT NULL REFERENCES screening (id),
  from_organisation_id   UUID        NOT NULL,
  to_organisation_id     UUID        NOT NULL,
  country                TEXT        NOT NULL,
  sent_by                TEXT        NOT NULL,
  sent_at                TIMESTAMPTZ NOT NULL,
  UNIQUE (screening_id, to_organisation_id)
);
