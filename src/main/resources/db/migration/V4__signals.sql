-- signals module: reports of identifiers, their canonical forms, and the networks they link into.
CREATE TABLE signals_network
(
  id         UUID PRIMARY KEY,
  created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE signals_report
(
  id                UUID PRIMARY KEY,
  organisation_id   UUID        NOT NULL,
  created_by        UUID,
  title             TEXT        NOT NULL,
  description       TEXT,
  reporter_country  CHAR(2)     NOT NULL,
  observed_at       TIMESTAMPTZ NOT NULL,
  category          TEXT        NOT NULL,
  tlp               TEXT        NOT NULL CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED')),
  sharing_group_id  UUID,
  recipients        UUID[]      NOT NULL DEFAULT '{}',
  confidence        INT CHECK (confidence BETWEEN 0 AND 100),
  created_at        TIMESTAMPTZ NOT NULL,
  expires_at        TIMESTAMPTZ,
  retracted_at      TIMESTAMPTZ,
  retraction_reason TEXT,
  -- set once the expiry sweep has taken an expired report out of its network
  expiry_swept      BOOLEAN     NOT NULL DEFAULT FALSE,
  network_id        UUID        NOT NULL REFERENCES signals_network (id)
);
CREATE INDEX signals_report_organisation_idx ON signals_report (organisation_id, created_at DESC);
CREATE INDEX signals_report_network_idx ON signals_report (network_id);

-- One row per indicator as given, plus one per value it implies (derived_from = position of its source).
CREATE TABLE signals_indicator
(
  report_id    UUID    NOT NULL REFERENCES signals_report (id),
  position     INT     NOT NULL,
  derived_from INT,
  type         TEXT    NOT NULL,
  raw_value    TEXT,
  platform     TEXT,
  chain        TEXT,
  canonical    TEXT    NOT NULL,
  valid        BOOLEAN NOT NULL,
  reason       TEXT,
  PRIMARY KEY (report_id, position)
);
CREATE INDEX signals_indicator_value_idx ON signals_indicator (type, canonical) WHERE valid;

-- Per canonical value: when it was first and last observed, and whether the automatic cap stopped it linking.
CREATE TABLE signals_value
(
  type         TEXT        NOT NULL,
  canonical    TEXT        NOT NULL,
  first_seen   TIMESTAMPTZ NOT NULL,
  last_seen    TIMESTAMPTZ NOT NULL,
  flagged_at   TIMESTAMPTZ,
  flag_reason  TEXT,
  PRIMARY KEY (type, canonical)
);

-- Values that never link (mass platforms, shorteners, token contracts, support numbers), in canonical form
-- (EVM addresses lower-cased).
CREATE TABLE signals_warning_entry
(
  type       TEXT        NOT NULL,
  canonical  TEXT        NOT NULL,
  note       TEXT        NOT NULL,
  created_by TEXT        NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (type, canonical)
);

-- An analyst's decision that two reports are not linked by a value; report_a < report_b.
CREATE TABLE signals_cut
(
  id         UUID PRIMARY KEY,
  type       TEXT        NOT NULL,
  canonical  TEXT        NOT NULL,
  report_a   UUID        NOT NULL REFERENCES signals_report (id),
  report_b   UUID        NOT NULL REFERENCES signals_report (id),
  reason     TEXT        NOT NULL,
  created_by UUID,
  created_at TIMESTAMPTZ NOT NULL,
  CHECK (report_a < report_b),
  UNIQUE (type, canonical, report_a, report_b)
);

INSERT INTO signals_warning_entry (type, canonical, note, created_by, created_at) VALUES
  ('crypto_address', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'USDT (TRC-20) token contract on Tron', 'tipx', now()),
  ('crypto_address', '0xdac17f958d2ee523a2206206994597c13d831ec7', 'USDT (ERC-20) token contract on Ethereum', 'tipx', now()),
  ('crypto_address', '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', 'USDC (ERC-20) token contract on Ethereum', 'tipx', now()),
  ('crypto_address', '0x55d398326f99059ff775485246999027b3197955', 'USDT (BEP-20) token contract on BSC', 'tipx', now()),
  ('crypto_address', 'TEkxiTehnzSmSe2XqrBj4w32RUN966rdz8', 'USDC (TRC-20) token contract on Tron', 'tipx', now()),
  ('domain', 'bit.ly', 'URL shortener', 'tipx', now()),
  ('domain', 'tinyurl.com', 'URL shortener', 'tipx', now()),
  ('domain', 'goo.gl', 'URL shortener', 'tipx', now()),
  ('domain', 'ow.ly', 'URL shortener', 'tipx', now()),
  ('domain', 'cutt.ly', 'URL shortener', 'tipx', now()),
  ('domain', 'rb.gy', 'URL shortener', 'tipx', now()),
  ('domain', 's.id', 'URL shortener (Indonesia)', 'tipx', now()),
  ('domain', 't.co', 'URL shortener (X)', 'tipx', now()),
  ('domain', 't.me', 'mass platform (Telegram links)', 'tipx', now()),
  ('domain', 'telegram.me', 'mass platform (Telegram links)', 'tipx', now()),
  ('domain', 'wa.me', 'mass platform (WhatsApp links)', 'tipx', now()),
  ('domain', 'whatsapp.com', 'mass platform', 'tipx', now()),
  ('domain', 'facebook.com', 'mass platform', 'tipx', now()),
  ('domain', 'fb.com', 'mass platform', 'tipx', now()),
  ('domain', 'instagram.com', 'mass platform', 'tipx', now()),
  ('domain', 'tiktok.com', 'mass platform', 'tipx', now()),
  ('domain', 'line.me', 'mass platform', 'tipx', now()),
  ('domain', 'google.com', 'mass platform', 'tipx', now()),
  ('domain', 'gmail.com', 'mass e-mail provider', 'tipx', now()),
  ('domain', 'yahoo.com', 'mass e-mail provider', 'tipx', now()),
  ('domain', 'outlook.com', 'mass e-mail provider', 'tipx', now()),
  ('domain', 'hotmail.com', 'mass e-mail provider', 'tipx', now()),
  ('domain', 'youtube.com', 'mass platform', 'tipx', now()),
  ('domain', 'x.com', 'mass platform', 'tipx', now()),
  ('domain', 'twitter.com', 'mass platform', 'tipx', now()),
  ('domain', 'linkedin.com', 'mass platform (job ads)', 'tipx', now()),
  ('domain', 'jobstreet.com', 'mass platform (job ads)', 'tipx', now()),
  ('domain', 'binance.com', 'exchange: a destination, not a network identifier', 'tipx', now()),
  ('ip', '8.8.8.8', 'public DNS resolver', 'tipx', now()),
  ('ip', '1.1.1.1', 'public DNS resolver', 'tipx', now());
