-- Field encryption (module protection): one value sealed at first start under the field keyset. Every later start
-- must open it, so tipx refuses to run with a keyset that is not this database's.
CREATE TABLE protection_key_check (
  id          SMALLINT    PRIMARY KEY CHECK (id = 1),
  sealed      TEXT        NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL
);
