-- Drafts of the officer's web interview (module screening): answers are saved as the officer goes, so an interview
-- can be paused and resumed. The answers and the interpreter's name are personal data: sealed with the field keyset
-- (module protection), never stored in plaintext. Drafts not touched for a week are deleted by a scheduled job.
CREATE TABLE screening_draft (
  id                    UUID        PRIMARY KEY,
  organisation_id       UUID        NOT NULL,
  officer               UUID        NOT NULL,
  form_id               TEXT        NOT NULL,
  form_version          TEXT        NOT NULL,
  officer_language      TEXT        NOT NULL,
  interviewee_language  TEXT        NOT NULL,
  answers               TEXT        NOT NULL,
  interpreter           TEXT,
  current_group         TEXT        NOT NULL,
  created_at            TIMESTAMPTZ NOT NULL,
  updated_at            TIMESTAMPTZ NOT NULL
);

CREATE INDEX screening_draft_officer ON screening_draft (organisation_id, officer, updated_at DESC);
CREATE INDEX screening_draft_updated ON screening_draft (updated_at);

-- Who interpreted a web interview, kept with the screening once the draft is finished (sealed: a person's name).
CREATE TABLE screening_interpreter (
  screening_id  UUID PRIMARY KEY REFERENCES screening (id),
  interpreter   TEXT NOT NULL
);
