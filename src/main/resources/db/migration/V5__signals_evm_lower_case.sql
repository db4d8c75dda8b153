-- EVM addresses are canonical in lower case (docs/adr/0005-canonical-identifier-forms.md), so that the checksummed and
-- the all-lower spellings of one address are one value. Re-key the seeded token contracts to match.
UPDATE signals_warning_entry
SET canonical = lower(canonical)
WHERE type = 'crypto_address'
  AND canonical ~ '^0x[0-9a-fA-F]{40}$';
