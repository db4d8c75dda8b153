-- Transfers on chains and between bank accounts, owned by the organisation that imported them. Amounts in the asset's
-- integer base units (USDT 6 decimals, BTC 8, ETH 18, bank currencies their ISO minor units): exact, never floating.
CREATE TABLE flows_transfer (
    organisation_id uuid        NOT NULL,
    chain           text        NOT NULL,
    tx              text        NOT NULL,
    idx             integer     NOT NULL,
    at              timestamptz NOT NULL,
    from_address    text        NOT NULL,
    to_address      text        NOT NULL,
    asset           text        NOT NULL,
    amount          numeric(78, 0) NOT NULL CHECK (amount >= 0),
    imported_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, chain, tx, idx)
);
-- The graph loads an organisation's transfers in time order.
CREATE INDEX flows_transfer_time_idx ON flows_transfer (organisation_id, at, tx, idx);
CREATE INDEX flows_transfer_tx_idx ON flows_transfer (organisation_id, tx);

-- Address tags with their source; TLP says who else may see a shared tag.
CREATE TABLE flows_tag (
    organisation_id uuid        NOT NULL,
    chain           text        NOT NULL,
    address         text        NOT NULL,
    tag             text        NOT NULL,
    name            text,
    source          text        NOT NULL,
    tlp             text        NOT NULL DEFAULT 'AMBER',
    tagged_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, chain, address, tag, source)
);
CREATE INDEX flows_tag_address_idx ON flows_tag (chain, address);
