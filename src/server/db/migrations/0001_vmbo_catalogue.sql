-- The public catalogue of the vmbo side, versioned per source release.

-- One row per import that changed the catalogue (an import without changes adds none).
CREATE TABLE source_release (
  id           serial PRIMARY KEY,
  source       text NOT NULL,                -- e.g. 'slo-examenprogramma-bg'
  release      text NOT NULL,                -- e.g. '2025-11'
  location     text NOT NULL,                -- folder or URL it was read from
  checksum     text NOT NULL,                -- sha256 of the files as read
  is_demo      boolean NOT NULL DEFAULT false,
  imported_at  timestamptz NOT NULL DEFAULT now(),
  report       jsonb NOT NULL
);
CREATE INDEX source_release_source_idx ON source_release (source, id DESC);

CREATE TABLE vmbo_leerweg (
  code   text PRIMARY KEY CHECK (code IN ('BB', 'KB', 'GL', 'TL')),
  naam   text NOT NULL,
  volgorde integer NOT NULL
);
INSERT INTO vmbo_leerweg (code, naam, volgorde) VALUES
  ('BB', 'Basisberoepsgerichte leerweg', 1),
  ('KB', 'Kaderberoepsgerichte leerweg', 2),
  ('GL', 'Gemengde leerweg', 3),
  ('TL', 'Theoretische leerweg', 4);

-- Every node of SLO's tree: profiel > kern > kerndeel > eindterm,
-- profiel > profielmodule | keuzevak > deeltaak > eindterm.
-- SLO's UUID is the key; SLO's prefix is the code. Rows are never deleted.
CREATE TABLE vmbo_item (
  id                  uuid PRIMARY KEY,
  kind                text NOT NULL CHECK (kind IN ('profiel', 'kern', 'kerndeel', 'profielmodule', 'keuzevak', 'deeltaak', 'eindterm')),
  code                text NOT NULL,
  title               text NOT NULL,
  description         text,
  parent_id           uuid REFERENCES vmbo_item (id) DEFERRABLE INITIALLY DEFERRED,
  position            integer NOT NULL,
  leerwegen           text[] NOT NULL DEFAULT '{}',
  profiel_code        text,
  replaces            text[] NOT NULL DEFAULT '{}',
  replaced_by         uuid,
  duplicate_of        uuid,
  status              text NOT NULL DEFAULT 'actief' CHECK (status IN ('actief', 'vervallen')),
  content_hash        text NOT NULL,
  first_release_id    integer NOT NULL REFERENCES source_release (id),
  last_release_id     integer NOT NULL REFERENCES source_release (id),
  changed_release_id  integer NOT NULL REFERENCES source_release (id)
);
CREATE INDEX vmbo_item_kind_code_idx ON vmbo_item (kind, code);
CREATE INDEX vmbo_item_parent_idx ON vmbo_item (parent_id, position);
CREATE INDEX vmbo_item_profiel_idx ON vmbo_item (profiel_code, kind);

