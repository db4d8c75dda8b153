-- Other tipx installations this one trusts (module federation): their name, country, address and public keys, as an
-- administrator registered them after confirming the fingerprint. Removing a row stops trusting what they sign.
CREATE TABLE federation_peer
(
  id             UUID PRIMARY KEY,
  name           TEXT        NOT NULL UNIQUE,
  country        TEXT        NOT NULL,
  base_url       TEXT        NOT NULL,
  -- [{"use": "sign" | "encrypt", "keyset": "<base64 Tink JSON public keyset>"}]
  public_keys    JSONB       NOT NULL,
  fingerprint    TEXT        NOT NULL,
  registered_by  TEXT        NOT NULL,
  registered_at  TIMESTAMPTZ NOT NULL
);
