-- Shared address tags are seen exactly as signals are (sharing's Reader.sees): besides the TLP marking a tag names
-- the organisations it is shared with and the sharing group an AMBER tag goes to. TLP is written as sharing's Tlp
-- names (AMBER_STRICT, not AMBER+STRICT).
UPDATE flows_tag SET tlp = 'AMBER_STRICT' WHERE tlp = 'AMBER+STRICT';
ALTER TABLE flows_tag
    ADD COLUMN sharing_group uuid,
    ADD COLUMN recipients    uuid[] NOT NULL DEFAULT '{}',
    ADD CONSTRAINT flows_tag_tlp_check CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED'));
-- Others' tags are read by marking; the owner's by organisation (the primary key).
CREATE INDEX flows_tag_tlp_idx ON flows_tag (tlp) WHERE tlp <> 'AMBER_STRICT';

-- A tag's name may name a person (a victim's or a mule's account holder): it is sealed, bound to the row's id.
ALTER TABLE flows_tag ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE flows_tag ADD CONSTRAINT flows_tag_id_key UNIQUE (id);
