-- audit module: an append-only hash chain. Entry n stores the hash of entry n-1; sequence numbers are contiguous.
CREATE TABLE audit_entry
(
  seq             BIGINT PRIMARY KEY,
  at              TIMESTAMPTZ NOT NULL,
  actor           TEXT        NOT NULL,
  actor_id        UUID,
  organisation_id UUID,
  action          TEXT        NOT NULL,
  object_type     TEXT,
  object_id       TEXT,
  outcome         TEXT        NOT NULL,
  detail          TEXT,
  prev_hash       TEXT        NOT NULL,
  hash            TEXT        NOT NULL
);
CREATE INDEX audit_entry_at_idx ON audit_entry (at);
CREATE INDEX audit_entry_object_idx ON audit_entry (object_type, object_id);

-- One row: the head of the chain. Appenders lock it, which serialises appends across connections.
CREATE TABLE audit_head
(
  id   INT PRIMARY KEY CHECK (id = 1),
  seq  BIGINT NOT NULL,
  hash TEXT   NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));

-- Append-only by construction: the application never updates or deletes entries, and the database refuses to.
-- (A superuser can still disable the trigger; the hash chain and the external checkpoint catch that.)
CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only';
END;
$$;
CREATE TRIGGER audit_entry_append_only
  BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
CREATE TRIGGER audit_entry_no_truncate
  BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
