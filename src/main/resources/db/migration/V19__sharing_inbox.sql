-- One inbox per organisation for items from any module, with one triage model. Early-warning alerts (signals) and
-- notices from screenings abroad (screening) become inbox items of two kinds; each module's payload is its own JSON.
CREATE TABLE sharing_inbox_item
(
  id              UUID PRIMARY KEY,
  kind            TEXT        NOT NULL,
  organisation_id UUID        NOT NULL,
  -- what the item is about (for an alert the report, for a notice the screening): one item per kind and organisation
  item_key        TEXT        NOT NULL,
  payload         JSONB       NOT NULL,
  state           TEXT        NOT NULL CHECK (state IN ('NEW', 'ACKNOWLEDGED', 'CLOSED')),
  note            TEXT,
  created_at      TIMESTAMPTZ NOT NULL,
  updated_at      TIMESTAMPTZ NOT NULL,
  updated_by      UUID,
  acknowledged_by TEXT,
  acknowledged_at TIMESTAMPTZ,
  UNIQUE (kind, organisation_id, item_key)
);
CREATE INDEX sharing_inbox_item_inbox_idx ON sharing_inbox_item (organisation_id, kind, created_at DESC);
CREATE INDEX sharing_inbox_item_key_idx ON sharing_inbox_item (kind, item_key);

-- An existing database keeps its alerts, their triage and their evidence.
INSERT INTO sharing_inbox_item (id, kind, organisation_id, item_key, payload, state, note, created_at, updated_at,
                                updated_by, acknowledged_by, acknowledged_at)
SELECT a.id, 'signals.alert', a.organisation_id, a.report_id::text,
       jsonb_build_object('reportId', a.report_id, 'networkId', a.network_id,
                          'linkedReports', to_jsonb(a.linked_reports), 'countries', to_jsonb(a.countries),
                          'values', COALESCE((SELECT jsonb_agg(jsonb_build_object('type', v.type, 'canonical', v.canonical)
                                                               ORDER BY v.type, v.canonical)
                                              FROM signals_alert_value v WHERE v.alert_id = a.id), '[]'::jsonb)),
       a.state, a.note, a.created_at, a.updated_at, a.updated_by, NULL,
       CASE WHEN a.state = 'ACKNOWLEDGED' THEN a.updated_at END
FROM signals_alert a;

-- ... and its notices, with who acknowledged them and when.
INSERT INTO sharing_inbox_item (id, kind, organisation_id, item_key, payload, state, note, created_at, updated_at,
                                updated_by, acknowledged_by, acknowledged_at)
SELECT n.id, 'screening.notice', n.to_organisation_id, n.screening_id::text,
       jsonb_build_object('screeningId', n.screening_id, 'fromOrganisationId', n.from_organisation_id,
                          'country', n.country, 'sentBy', n.sent_by),
       CASE WHEN n.acknowledged_at IS NULL THEN 'NEW' ELSE 'ACKNOWLEDGED' END, NULL, n.sent_at,
       COALESCE(n.acknowledged_at, n.sent_at), NULL, n.acknowledged_by, n.acknowledged_at
FROM screening_notice n;

DROP TABLE signals_alert_value;
DROP TABLE signals_alert;
DROP TABLE screening_notice;

-- The old names stay readable (reports, scripts, the benchmark) as views over the inbox; nothing writes to them.
CREATE VIEW signals_alert AS
SELECT id, organisation_id, (payload ->> 'reportId')::uuid AS report_id, (payload ->> 'networkId')::uuid AS network_id,
       ARRAY(SELECT jsonb_array_elements_text(payload -> 'linkedReports'))::uuid[] AS linked_reports,
       ARRAY(SELECT jsonb_array_elements_text(payload -> 'countries')) AS countries,
       state, note, created_at, updated_at, updated_by
FROM sharing_inbox_item WHERE kind = 'signals.alert';

CREATE VIEW screening_notice AS
SELECT id, (payload ->> 'screeningId')::uuid AS screening_id,
       (payload ->> 'fromOrganisationId')::uuid AS from_organisation_id, organisation_id AS to_organisation_id,
       payload ->> 'country' AS country, payload ->> 'sentBy' AS sent_by, created_at AS sent_at, acknowledged_by,
       acknowledged_at
FROM sharing_inbox_item WHERE kind = 'screening.notice';
