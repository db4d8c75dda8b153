-- Care of a case (module cases): the protection-needs assessment, the return and reintegration plans and the
-- follow-up visits with their re-recruitment risk check. Needs, plan content and answers are coded and stay in the
-- clear for lists and statistics; every free text a person writes is sealed with the protection module's field cipher,
-- bound to its row's id.

-- Versioned: a new assessment is a new row; the highest version is the one in force.
CREATE TABLE cases_assessment
(
  id             UUID PRIMARY KEY,
  case_id        UUID        NOT NULL REFERENCES cases_case (id),
  version        INTEGER     NOT NULL CHECK (version > 0),
  safety         TEXT        NOT NULL CHECK (safety IN ('NONE', 'LOW', 'MEDIUM', 'HIGH')),
  health         TEXT        NOT NULL CHECK (health IN ('NONE', 'LOW', 'MEDIUM', 'HIGH')),
  psychosocial   TEXT        NOT NULL CHECK (psychosocial IN ('NONE', 'LOW', 'MEDIUM', 'HIGH')),
  legal          TEXT        NOT NULL CHECK (legal IN ('NONE', 'LOW', 'MEDIUM', 'HIGH')),
  debt           TEXT        NOT NULL CHECK (debt IN ('NONE', 'LOW', 'MEDIUM', 'HIGH')),
  family         TEXT        NOT NULL CHECK (family IN ('NONE', 'LOW', 'MEDIUM', 'HIGH')),
  child          TEXT        NOT NULL CHECK (child IN ('NONE', 'LOW', 'MEDIUM', 'HIGH')),
  -- sealed
  note           TEXT,
  state          TEXT        NOT NULL CHECK (state IN ('SUBMITTED', 'APPROVED')),
  submitted_by   TEXT        NOT NULL,
  submitted_at   TIMESTAMPTZ NOT NULL,
  approved_by    TEXT,
  approved_at    TIMESTAMPTZ,
  UNIQUE (case_id, version)
);

-- Versioned per kind: a change is a new row; the highest version of a kind is the plan in force.
CREATE TABLE cases_plan
(
  id             UUID PRIMARY KEY,
  case_id        UUID        NOT NULL REFERENCES cases_case (id),
  kind           TEXT        NOT NULL CHECK (kind IN ('RETURN', 'REINTEGRATION')),
  version        INTEGER     NOT NULL CHECK (version > 0),
  -- codes, dates and the shape of goals and milestones; never a free text
  content        JSONB       NOT NULL,
  -- the free texts (the note, the milestones' descriptions) as one sealed JSON value
  texts          TEXT,
  state          TEXT        NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'APPROVED')),
  written_by     TEXT        NOT NULL,
  written_at     TIMESTAMPTZ NOT NULL,
  approved_by    TEXT,
  approved_at    TIMESTAMPTZ,
  UNIQUE (case_id, kind, version)
);

-- Follow-up visits after return, each with the structured re-recruitment risk check.
CREATE TABLE cases_visit
(
  id                 UUID PRIMARY KEY,
  case_id            UUID        NOT NULL REFERENCES cases_case (id),
  visited_on         DATE        NOT NULL,
  job_offers         TEXT        NOT NULL CHECK (job_offers IN ('NONE', 'DECLINED', 'CONSIDERING')),
  debt_pressure      TEXT        NOT NULL CHECK (debt_pressure IN ('NONE', 'SOME', 'SEVERE')),
  recruiter_contact  TEXT        NOT NULL CHECK (recruiter_contact IN ('NONE', 'ONCE', 'REPEATED')),
  intent_to_migrate  TEXT        NOT NULL CHECK (intent_to_migrate IN ('NO', 'UNSURE', 'YES')),
  risk               TEXT        NOT NULL CHECK (risk IN ('LOW', 'MEDIUM', 'HIGH')),
  -- sealed
  note               TEXT,
  recorded_by        TEXT        NOT NULL,
  recorded_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX cases_visit_case_idx ON cases_visit (case_id, visited_on DESC, recorded_at DESC);
