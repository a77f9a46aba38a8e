-- Issue 17: a thumbs up or down of a staff member on one result of the zoekmonitor (one vmbo unit asked, one dossier
-- or keuzedeel answered). One vote per person per result (the primary key); changeable (UPDATE) and removable (DELETE).
-- Who voted is never shown publicly: GET /api/match reads counts only.
CREATE TABLE zoekmonitor_stem (
  user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  vraag_soort text NOT NULL CHECK (vraag_soort IN ('keuzevak', 'profielmodule')),
  vraag_code text NOT NULL,
  resultaat_soort text NOT NULL CHECK (resultaat_soort IN ('kwalificatie', 'keuzedeel')),
  resultaat_code text NOT NULL,
  waarde smallint NOT NULL CHECK (waarde IN (1, -1)),
  gestemd_op timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, vraag_soort, vraag_code, resultaat_soort, resultaat_code)
);
CREATE INDEX zoekmonitor_stem_vraag ON zoekmonitor_stem (vraag_soort, vraag_code);
