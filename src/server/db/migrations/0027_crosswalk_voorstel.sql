-- Issue 18: crosswalks that travel. Links imported into a samenwerking (from a CASE package of associations or an
-- XLSX of the inventory) are proposals: they wait here until a partner confirms or rejects them, and are never
-- confirmed silently. Item ids are the inventory's stable ids (not foreign keys, like crosswalk_link). Confirming or
-- rejecting moves the pair to crosswalk_link and deletes the proposal; the history (crosswalk_review) keeps both the
-- import ('importeren', by whom) and the review.
CREATE TABLE crosswalk_voorstel (
  partnership_id   uuid NOT NULL REFERENCES partnership (id) ON DELETE CASCADE,
  eindterm_id      text NOT NULL,
  werkproces_id    text NOT NULL,
  relatie          text CHECK (relatie IN ('gelijk', 'deels', 'breder', 'smaller', 'verwant')),
  toelichting      text,
  bron             text NOT NULL CHECK (bron IN ('case', 'xlsx')),
  bron_naam        text,
  voorgesteld_door uuid REFERENCES app_user (id) ON DELETE SET NULL,
  voorgesteld_op   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (partnership_id, eindterm_id, werkproces_id)
);

ALTER TABLE crosswalk_review DROP CONSTRAINT crosswalk_review_actie_check;
ALTER TABLE crosswalk_review ADD CONSTRAINT crosswalk_review_actie_check
  CHECK (actie IN ('bevestigen', 'afwijzen', 'toevoegen', 'herstellen', 'niet-koppelen', 'wel-koppelen', 'importeren'));
