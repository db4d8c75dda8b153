-- Public reports between installations (module cases, intake; ADR 0018 "Delivery to another installation").
-- A report filed here for a country a trusted peer serves is pushed to that peer as a signed package; the peer's
-- focal points acknowledge it there and the peer sends a signed acknowledgement back, which the status page counts.

-- Received from a peer: the peer's name and the intake's id there (a package is stored once). Filed here: both null.
-- A received intake gets a reference of its own (what its focal points see); the status page never answers for it.
ALTER TABLE cases_intake ADD COLUMN from_instance TEXT;
ALTER TABLE cases_intake ADD COLUMN origin_intake_id UUID;
ALTER TABLE cases_intake ADD CONSTRAINT cases_intake_origin_check
  CHECK ((from_instance IS NULL) = (origin_intake_id IS NULL));
CREATE UNIQUE INDEX cases_intake_origin_idx ON cases_intake (from_instance, origin_intake_id)
  WHERE from_instance IS NOT NULL;

-- Sent to a peer: one row per intake and peer, queued in the filing transaction and pushed after it commits.
CREATE TABLE cases_intake_forward
(
  intake_id        UUID        NOT NULL REFERENCES cases_intake (id),
  to_instance      TEXT        NOT NULL,
  country          TEXT        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  queued_at        TIMESTAMPTZ NOT NULL,
  -- when the peer accepted the package (or answered that it already had it)
  delivered_at     TIMESTAMPTZ,
  -- the first acknowledgement a focal point of the peer sent back: the peer and organisation, never a person
  acknowledged_at  TIMESTAMPTZ,
  acknowledged_by  TEXT,
  PRIMARY KEY (intake_id, to_instance)
);
