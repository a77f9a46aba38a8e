-- Issue 4: a samenwerking grows by proposal. A beheerder of a member organisation proposes another
-- organisation; its beheerder accepts (status 'lid') or declines (the row is removed). Only members
-- with status 'lid' count for access to the samenwerking (use-cases/partnerships/access.ts).
ALTER TABLE partnership_member
  ADD COLUMN status text NOT NULL DEFAULT 'lid' CHECK (status IN ('voorgesteld', 'lid')),
  ADD COLUMN voorgesteld_door uuid REFERENCES organisation (id),   -- the member organisation that proposed it; null for founders
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
-- Rows that existed before this migration (the founders) are members; the default keeps inserts that
-- make founders (demo seed, tests) as they were. Proposals always set 'voorgesteld' explicitly.
CREATE INDEX partnership_member_status_idx ON partnership_member (organisation_id, status);
