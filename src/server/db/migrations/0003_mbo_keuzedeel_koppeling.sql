-- The official SBB koppeling between keuzedelen and kwalificaties ("gekoppeld"), separate from
-- mbo_keuzedeel_aanbod (which keuzedelen instellingen offer). Same conventions as the tables of
-- 0002: one row per (source, key), scope/status/content_hash/release ids for versioning, rows
-- are never deleted. Source: 'mbo-tabel:keuzedeel-koppelingen'.
CREATE TABLE mbo_keuzedeel_koppeling (
  source              text NOT NULL,
  key                 text NOT NULL,                 -- '<crebo>:<keuzedeel code>'
  scope               text NOT NULL,
  crebo               text NOT NULL,                 -- kwalificatie crebo
  keuzedeel_code      text NOT NULL,
  geldig_vanaf        date,                          -- null: the source does not say
  geldig_tot          date,
  details             jsonb NOT NULL DEFAULT '{}',
  bron                jsonb NOT NULL,
  status              text NOT NULL DEFAULT 'actief' CHECK (status IN ('actief', 'vervallen')),
  content_hash        text NOT NULL,
  first_release_id    integer NOT NULL REFERENCES source_release (id),
  last_release_id     integer NOT NULL REFERENCES source_release (id),
  changed_release_id  integer NOT NULL REFERENCES source_release (id),
  PRIMARY KEY (source, key),
  CHECK (geldig_tot IS NULL OR geldig_vanaf IS NULL OR geldig_tot >= geldig_vanaf)
);
CREATE INDEX mbo_keuzedeel_koppeling_crebo_idx ON mbo_keuzedeel_koppeling (crebo);
CREATE INDEX mbo_keuzedeel_koppeling_keuzedeel_idx ON mbo_keuzedeel_koppeling (keuzedeel_code);
