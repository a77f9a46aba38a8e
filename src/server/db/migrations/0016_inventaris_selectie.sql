-- Issue 12 (the teacher's experience), overlap inventory.
--
-- 1. Saved selections of a samenwerking: a name and the selection of the inventory (the same fields as its address),
--    so both schools open what the partner made instead of building it again. Optimistic concurrency by versie (a
--    stale versie is a 409 in the application), who made and last changed it (emptied when that account is deleted;
--    the audit log keeps the ids). Deleting removes the row; the audit log keeps that it happened.
CREATE TABLE inventaris_selectie (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id  uuid NOT NULL REFERENCES partnership (id),
  naam            text NOT NULL CHECK (length(naam) BETWEEN 1 AND 120),
  selectie        jsonb NOT NULL,   -- { profiel, leerweg, keuzevakken[], profielmodulen[], kwalificatie, keuzedelen[], min }
  versie          integer NOT NULL DEFAULT 1,
  created_by      uuid REFERENCES app_user (id) ON DELETE SET NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_by      uuid REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at      timestamptz NOT NULL DEFAULT now()
);
-- A name once per samenwerking (regardless of capitals), so "open Techniek 2026" means one thing to both schools.
CREATE UNIQUE INDEX inventaris_selectie_naam_idx ON inventaris_selectie (partnership_id, lower(naam));

-- 2. Who first reviewed a link stays when someone retypes, rejects or restores it (reviewed_by/at are the last change).
ALTER TABLE crosswalk_link ADD COLUMN created_by uuid REFERENCES app_user (id) ON DELETE SET NULL;
ALTER TABLE crosswalk_link ADD COLUMN created_at timestamptz;
UPDATE crosswalk_link SET created_by = reviewed_by, created_at = reviewed_at;
ALTER TABLE crosswalk_link ALTER COLUMN created_at SET NOT NULL;
ALTER TABLE crosswalk_link ALTER COLUMN created_at SET DEFAULT now();

-- 3. A rejected link can be restored (herstellen): a new action in the history.
ALTER TABLE crosswalk_review DROP CONSTRAINT crosswalk_review_actie_check;
ALTER TABLE crosswalk_review ADD CONSTRAINT crosswalk_review_actie_check
  CHECK (actie IN ('bevestigen', 'afwijzen', 'toevoegen', 'herstellen', 'niet-koppelen', 'wel-koppelen'));
