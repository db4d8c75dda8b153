-- Recruitment monitoring and moderation (module recruitment; ADR 0025).
-- Sources: where an organisation's job postings come from (an RSS/Atom feed, a JSON endpoint, or a sub-folder of the
-- installation's CSV drop folder). Nothing here is personal: the address of a public job board and its schedule.
CREATE TABLE recruitment_source
(
  id               UUID PRIMARY KEY,
  organisation_id  UUID        NOT NULL REFERENCES directory_organisation (id),
  name             TEXT        NOT NULL,
  kind             TEXT        NOT NULL CHECK (kind IN ('FEED', 'JSON', 'CSV')),
  -- the https address of a FEED or JSON source, the sub-folder name of a CSV source
  location         TEXT        NOT NULL,
  -- JSON sources: posting field -> the endpoint's field name, plus "items" (where the array is); null: Posting shape
  field_mapping    TEXT,
  interval_seconds INTEGER     NOT NULL CHECK (interval_seconds >= 60),
  enabled          BOOLEAN     NOT NULL,
  created_at       TIMESTAMPTZ NOT NULL,
  created_by       UUID,
  last_polled_at   TIMESTAMPTZ,
  last_success_at  TIMESTAMPTZ,
  last_new         INTEGER,
  -- why the last poll failed (never the body the source answered), cleared by the next success
  last_error       TEXT,
  last_error_at    TIMESTAMPTZ,
  removed_at       TIMESTAMPTZ
);
CREATE INDEX recruitment_source_organisation_idx ON recruitment_source (organisation_id) WHERE removed_at IS NULL;

-- Postings picked up by monitoring. What is needed to sort and group stays in the clear (score, flag, language, the
-- group); the posting's text, its reasons and their quoted evidence are one JSON value sealed with the field cipher
-- (contacts in ads may be private persons' numbers). The MinHash signature is hashes of word shingles only.
CREATE TABLE recruitment_posting
(
  id              UUID PRIMARY KEY,
  organisation_id UUID             NOT NULL REFERENCES directory_organisation (id),
  source_id       UUID             NOT NULL REFERENCES recruitment_source (id),
  -- the source's id for the posting (or a hash of its text when it gives none): seen again, it is not new
  external_key    TEXT             NOT NULL,
  content         TEXT             NOT NULL,
  risk_score      DOUBLE PRECISION,
  engine_flagged  BOOLEAN          NOT NULL,
  language        TEXT,
  error           TEXT,
  -- near-duplicates and reposts share the group of the first posting of their kind (its id)
  group_id        UUID             NOT NULL,
  duplicate_of    UUID,
  similarity      DOUBLE PRECISION,
  signature       INTEGER[]        NOT NULL,
  fetched_at      TIMESTAMPTZ      NOT NULL,
  UNIQUE (source_id, external_key)
);
CREATE INDEX recruitment_posting_queue_idx ON recruitment_posting (organisation_id, risk_score DESC);
CREATE INDEX recruitment_posting_group_idx ON recruitment_posting (group_id);

-- LSH bands of each posting's MinHash signature: postings sharing a band are candidates for near-duplicates.
CREATE TABLE recruitment_posting_band
(
  organisation_id UUID    NOT NULL,
  band            INTEGER NOT NULL,
  hash            BIGINT  NOT NULL,
  posting_id      UUID    NOT NULL REFERENCES recruitment_posting (id),
  PRIMARY KEY (organisation_id, band, hash, posting_id)
);

-- Moderators' decisions; the latest per posting counts, earlier ones stay as history. The note is sealed.
CREATE TABLE recruitment_decision
(
  id              UUID PRIMARY KEY,
  posting_id      UUID        NOT NULL REFERENCES recruitment_posting (id),
  organisation_id UUID        NOT NULL REFERENCES directory_organisation (id),
  label           TEXT        NOT NULL CHECK (label IN ('FRAUD', 'LEGITIMATE', 'UNSURE')),
  note            TEXT,
  decided_by      UUID        NOT NULL,
  decided_at      TIMESTAMPTZ NOT NULL,
  -- the signal report filed from this decision, if any
  report_id       UUID
);
CREATE INDEX recruitment_decision_posting_idx ON recruitment_decision (posting_id, decided_at DESC);
CREATE INDEX recruitment_decision_organisation_idx ON recruitment_decision (organisation_id);

-- The operating threshold recalibrated from an organisation's decisions; without a row the engine's own applies.
CREATE TABLE recruitment_threshold
(
  organisation_id UUID PRIMARY KEY REFERENCES directory_organisation (id),
  threshold       DOUBLE PRECISION NOT NULL,
  f1              DOUBLE PRECISION NOT NULL,
  decided         INTEGER          NOT NULL,
  computed_at     TIMESTAMPTZ      NOT NULL
);
