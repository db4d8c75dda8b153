-- Bank accounts seen in victims' statements (ADR 0027). The graph and flows_transfer hold only the keyed token
-- (HMAC-SHA-256 under the installation's search key, "acct-" + 32 hex); the account number and the holder's name
-- are sealed (FieldCipher, context flows_bank_account.account/<id> and flows_bank_account.holder/<id>) and opened
-- only for the importing organisation's tracers, each opening audited.
CREATE TABLE flows_bank_account (
    id              uuid        PRIMARY KEY,
    organisation_id uuid        NOT NULL,
    token           text        NOT NULL,
    account         text        NOT NULL,
    holder          text,
    imported_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organisation_id, token)
);
