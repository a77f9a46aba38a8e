-- Issue 14, the exam plan: a submitted plan that the mbo examencommissie sends back goes to concept with a reason.
-- Kept on the version (the last return: { reden, door, naam, at }) so the designers see why; every return is also in
-- the audit log. Not frozen by the trigger: a vastgesteld version is never sent back.
ALTER TABLE examenplan ADD COLUMN teruggestuurd jsonb;
