-- Paused interviews tell apart at a glance (module screening): who started the draft (the officer's username, kept
-- as the audit trail names them) and how far it got (questions answered of the questions asked so far), kept in the
-- clear because neither says anything about the person interviewed. Drafts saved before this have neither.
ALTER TABLE screening_draft ADD COLUMN officer_name TEXT;
ALTER TABLE screening_draft ADD COLUMN answered INTEGER;
ALTER TABLE screening_draft ADD COLUMN questions INTEGER;
