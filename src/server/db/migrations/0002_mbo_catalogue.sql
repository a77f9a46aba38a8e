-- The public catalogue of the mbo side, versioned per source release like vmbo_item.
--
-- Every row belongs to one import source (`source`, the same name as in source_release):
-- 'sbb-xml' or 'mbo-tabel:<kind>' (kwalificaties, kerntaken-werkprocessen, keuzedelen,
-- keuzedeel-aanbod). The key is (source, key), so sources never overwrite each other, and an
-- import only marks vervallen what the same source brought in before, within the `scope` it
-- replaces: the whole table ('mbo-tabel:<kind>') or one dossier ('sbb-xml:<dossier crebo>').
-- Rows are never deleted. `bron` is {"bestand": ..., "regel": ...} of the import that last
-- added or changed the row. `details` holds source-specific data that has no column of its own.

CREATE TABLE mbo_kwalificatiedossier (
  source              text NOT NULL,
  key                 text NOT NULL,                 -- dossier crebo
  scope               text NOT NULL,
  dossier_crebo       text NOT NULL,
  titel               text NOT NULL,
  opleidingsdomein    text,
  sectorkamer         text,
  geldig_vanaf        date,
  einde_instroom      date,
  einde_opleiding     date,
  details             jsonb NOT NULL DEFAULT '{}',
  bron                jsonb NOT NULL,
  status              text NOT NULL DEFAULT 'actief' CHECK (status IN ('actief', 'vervallen')),
  content_hash        text NOT NULL,
  first_release_id    integer NOT NULL REFERENCES source_release (id),
  last_release_id     integer NOT NULL REFERENCES source_release (id),
  changed_release_id  integer NOT NULL REFERENCES source_release (id),
  PRIMARY KEY (source, key)
);
CREATE INDEX mbo_kwalificatiedossier_crebo_idx ON mbo_kwalificatiedossier (dossier_crebo);

CREATE TABLE mbo_kwalificatie (
  source              text NOT NULL,
  key                 text NOT NULL,                 -- crebo
  scope               text NOT NULL,
  crebo               text NOT NULL,
  naam                text NOT NULL,
  niveau              smallint NOT NULL CHECK (niveau BETWEEN 1 AND 4),
  soort               text CHECK (soort IN ('entree', 'basisberoeps', 'vak', 'middenkader', 'specialisten')),
  leerwegen           text[],                        -- null: the source does not say
  dossier_crebo       text NOT NULL,
  opleidingsdomein    text,
  sectorkamer         text,
  profiel_code        text,
  studiebelasting_sbu integer,
  geldig_vanaf        date,
  einde_instroom      date,
  einde_opleiding     date,
  details             jsonb NOT NULL DEFAULT '{}',
  bron                jsonb NOT NULL,
  status              text NOT NULL DEFAULT 'actief' CHECK (status IN ('actief', 'vervallen')),
  content_hash        text NOT NULL,
  first_release_id    integer NOT NULL REFERENCES source_release (id),
  last_release_id     integer NOT NULL REFERENCES source_release (id),
  changed_release_id  integer NOT NULL REFERENCES source_release (id),
  PRIMARY KEY (source, key)
);
CREATE INDEX mbo_kwalificatie_crebo_idx ON mbo_kwalificatie (crebo);
CREATE INDEX mbo_kwalificatie_dossier_idx ON mbo_kwalificatie (dossier_crebo);

-- Kerntaken: key '<crebo>:<code>' from the tables (per kwalificatie), '<dossier crebo>:<code>' from SBB XML.
CREATE TABLE mbo_kerntaak (
  source              text NOT NULL,
  key                 text NOT NULL,
  scope               text NOT NULL,
  code                text NOT NULL,
  crebo               text,                          -- tables: the kwalificatie
  dossier_crebo       text,                          -- SBB XML: the dossier
  profiel_code        text,                          -- SBB XML: null for the basisdeel, 'P1'.. for a profieldeel
  titel               text,                          -- null when the source lists werkprocessen without their kerntaak
  complexiteit        text,
  verantwoordelijkheid text,
  position            integer NOT NULL,
  details             jsonb NOT NULL DEFAULT '{}',
  bron                jsonb NOT NULL,
  status              text NOT NULL DEFAULT 'actief' CHECK (status IN ('actief', 'vervallen')),
  content_hash        text NOT NULL,
  first_release_id    integer NOT NULL REFERENCES source_release (id),
  last_release_id     integer NOT NULL REFERENCES source_release (id),
  changed_release_id  integer NOT NULL REFERENCES source_release (id),
  PRIMARY KEY (source, key)
);
CREATE INDEX mbo_kerntaak_crebo_idx ON mbo_kerntaak (crebo);
CREATE INDEX mbo_kerntaak_dossier_idx ON mbo_kerntaak (dossier_crebo);

CREATE TABLE mbo_werkproces (
  source              text NOT NULL,
  key                 text NOT NULL,                 -- '<crebo or dossier crebo>:<code>'
  scope               text NOT NULL,
  kerntaak_key        text NOT NULL,
  code                text NOT NULL,
  titel               text NOT NULL,
  omschrijving        text,
  resultaat           text,
  gedrag              text,
  position            integer NOT NULL,
  details             jsonb NOT NULL DEFAULT '{}',
  bron                jsonb NOT NULL,
  status              text NOT NULL DEFAULT 'actief' CHECK (status IN ('actief', 'vervallen')),
  content_hash        text NOT NULL,
  first_release_id    integer NOT NULL REFERENCES source_release (id),
  last_release_id     integer NOT NULL REFERENCES source_release (id),
  changed_release_id  integer NOT NULL REFERENCES source_release (id),
  PRIMARY KEY (source, key)
);
CREATE INDEX mbo_werkproces_kerntaak_idx ON mbo_werkproces (source, kerntaak_key, position);

-- Vakkennis en vaardigheden of an SBB dossier; kerntaak_codes: the kerntaken that list the item.
CREATE TABLE mbo_kennis_vaardigheid (
  source              text NOT NULL,
  key                 text NOT NULL,                 -- '<dossier crebo>:<sbb nr>'
  scope               text NOT NULL,
  dossier_crebo       text NOT NULL,
  sbb_nr              text NOT NULL,
  tekst               text NOT NULL,
  kerntaak_codes      text[] NOT NULL DEFAULT '{}',
  position            integer NOT NULL,
  details             jsonb NOT NULL DEFAULT '{}',
  bron                jsonb NOT NULL,
  status              text NOT NULL DEFAULT 'actief' CHECK (status IN ('actief', 'vervallen')),
  content_hash        text NOT NULL,
  first_release_id    integer NOT NULL REFERENCES source_release (id),
  last_release_id     integer NOT NULL REFERENCES source_release (id),
  changed_release_id  integer NOT NULL REFERENCES source_release (id),
  PRIMARY KEY (source, key)
);
CREATE INDEX mbo_kennis_vaardigheid_dossier_idx ON mbo_kennis_vaardigheid (dossier_crebo, position);

CREATE TABLE mbo_keuzedeel (
  source              text NOT NULL,
  key                 text NOT NULL,                 -- keuzedeel code
  scope               text NOT NULL,
  code                text NOT NULL,
  titel               text NOT NULL,
  sbu                 integer,
  niveau              smallint CHECK (niveau BETWEEN 1 AND 4),
  omschrijving        text,
  details             jsonb NOT NULL DEFAULT '{}',
  bron                jsonb NOT NULL,
  status              text NOT NULL DEFAULT 'actief' CHECK (status IN ('actief', 'vervallen')),
  content_hash        text NOT NULL,
  first_release_id    integer NOT NULL REFERENCES source_release (id),
  last_release_id     integer NOT NULL REFERENCES source_release (id),
  changed_release_id  integer NOT NULL REFERENCES source_release (id),
  PRIMARY KEY (source, key)
);
CREATE INDEX mbo_keuzedeel_code_idx ON mbo_keuzedeel (code);

-- Keuzedelen that instellingen offer with a kwalificatie: an offer, not the official SBB koppeling.
CREATE TABLE mbo_keuzedeel_aanbod (
  source              text NOT NULL,
  key                 text NOT NULL,                 -- '<crebo>:<keuzedeel code>'
  scope               text NOT NULL,
  crebo               text NOT NULL,
  keuzedeel_code      text NOT NULL,
  instellingen        text[],                        -- null: the source does not say
  details             jsonb NOT NULL DEFAULT '{}',
  bron                jsonb NOT NULL,
  status              text NOT NULL DEFAULT 'actief' CHECK (status IN ('actief', 'vervallen')),
  content_hash        text NOT NULL,
  first_release_id    integer NOT NULL REFERENCES source_release (id),
  last_release_id     integer NOT NULL REFERENCES source_release (id),
  changed_release_id  integer NOT NULL REFERENCES source_release (id),
  PRIMARY KEY (source, key)
);
CREATE INDEX mbo_keuzedeel_aanbod_crebo_idx ON mbo_keuzedeel_aanbod (crebo);
CREATE INDEX mbo_keuzedeel_aanbod_keuzedeel_idx ON mbo_keuzedeel_aanbod (keuzedeel_code);
