-- STIX objects already imported, per organisation and version (id + modified), so that importing the same bundle
-- again files nothing new (ADR 0031). report_id is the tipx report the object went into, if any.
CREATE TABLE signals_stix_imported (
    organisation_id uuid        NOT NULL,
    stix_id         text        NOT NULL,
    modified        text        NOT NULL,
    report_id       uuid,
    imported_at     timestamptz NOT NULL,
    PRIMARY KEY (organisation_id, stix_id, modified)
);
