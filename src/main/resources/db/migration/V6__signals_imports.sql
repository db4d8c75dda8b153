-- signals module: bulk imports of reports from CSV or JSON Lines files.
CREATE TABLE signals_import
(
  id                 UUID PRIMARY KEY,
  organisation_id    UUID        NOT NULL,
  created_by         UUID,
  format             TEXT        NOT NULL CHECK (format IN ('CSV', 'NDJSON')),
  -- released (set to NULL) when the file was never read whole or the import failed, so the key may be used again
  idempotency_key    TEXT,
  body_sha256        TEXT,
  state              TEXT        NOT NULL CHECK (state IN ('RECEIVED', 'IMPORTING', 'DONE', 'REJECTED', 'FAILED')),
  bytes_read         BIGINT      NOT NULL DEFAULT 0,
  rows_read          BIGINT      NOT NULL DEFAULT 0,
  reports_total      BIGINT      NOT NULL DEFAULT 0,
  reports_filed      BIGINT      NOT NULL DEFAULT 0,
  indicators_invalid BIGINT      NOT NULL DEFAULT 0,
  errors_total       BIGINT      NOT NULL DEFAULT 0,
  detail             TEXT,
  created_at         TIMESTAMPTZ NOT NULL,
  finished_at        TIMESTAMPTZ
);
CREATE UNIQUE INDEX signals_import_key_idx ON signals_import (organisation_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
CREATE INDEX signals_import_organisation_idx ON signals_import (organisation_id, created_at DESC);

-- The first bad rows of a rejected import (at most tipx.signals.import.max-errors), with the reason.
CREATE TABLE signals_import_error
(
  import_id UUID   NOT NULL REFERENCES signals_import (id),
  position  INT    NOT NULL,
  row_no    BIGINT,
  field     TEXT   NOT NULL,
  message   TEXT   NOT NULL,
  PRIMARY KEY (import_id, position)
);

-- Rows that passed the structural checks, waiting to be filed. Unlogged: it is scratch space, emptied when an import
-- ends, and a crash (which truncates unlogged tables) fails the import anyway.
CREATE UNLOGGED TABLE signals_import_row
(
  import_id        UUID        NOT NULL,
  row_no           BIGINT      NOT NULL,
  report_key       TEXT        COLLATE "C" NOT NULL,
  title            TEXT        NOT NULL,
  description      TEXT,
  category         TEXT        NOT NULL,
  tlp              TEXT        NOT NULL,
  reporter_country TEXT        NOT NULL,
  observed_at      TIMESTAMPTZ NOT NULL,
  confidence       INT,
  type             TEXT        NOT NULL,
  value            TEXT        NOT NULL,
  platform         TEXT,
  chain            TEXT
);
CREATE INDEX signals_import_row_report_idx ON signals_import_row (import_id, report_key, row_no);
