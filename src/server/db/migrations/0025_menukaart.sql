-- Issue 15: the regional menukaart of modules. A regio organisation keeps it; the schools of the region (organisation
-- rows whose regio_id is the region, the column of migration 0004) propose modules; the region's beheerder publishes
-- them or returns them with a reason. Catalogue links are stored as catalogue codes (not foreign keys, so a module
-- outlives a re-import, like the crosswalk), validated against the catalogue when a module is proposed or changed.

-- 1. The menukaart of one region: its public address (/regio/{slug}/menukaart) and an introduction.
CREATE TABLE menukaart (
  regio_id     uuid PRIMARY KEY REFERENCES organisation (id),
  slug         text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  titel        text NOT NULL CHECK (length(titel) BETWEEN 1 AND 200),
  toelichting  text NOT NULL DEFAULT '' CHECK (length(toelichting) <= 4000),
  created_at   timestamptz NOT NULL DEFAULT now()
);

-- 2. A module on the menukaart. status: voorgesteld (by a school, waiting), teruggestuurd (with a reason; the school
--    changes it and proposes again), gepubliceerd (public), ingetrokken (no longer offered; kept for the counts).
--    Size in fixed units (omvang_eenheden, the source advises fixed units instead of a size per module).
--    Lifecycle: laatste_review (the five-year cycle runs from it), a revision with its deadline (within a year).
CREATE TABLE menukaart_module (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  regio_id              uuid NOT NULL REFERENCES menukaart (regio_id),
  slug                  text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 120),
  status                text NOT NULL DEFAULT 'voorgesteld' CHECK (status IN ('voorgesteld', 'teruggestuurd', 'gepubliceerd', 'ingetrokken')),
  titel                 text NOT NULL CHECK (length(titel) BETWEEN 1 AND 200),
  beschrijving          text NOT NULL DEFAULT '' CHECK (length(beschrijving) <= 4000),
  soort                 text NOT NULL CHECK (soort IN ('orienterend', 'kennismakend', 'verdiepend', 'keuzevak-keuzedeel', 'doorlopende-leerroute')),
  omvang_eenheden       integer NOT NULL CHECK (omvang_eenheden BETWEEN 1 AND 4),
  aanbieder_id          uuid NOT NULL REFERENCES organisation (id),
  vestiging_id          uuid REFERENCES vestiging (id) ON DELETE SET NULL,
  locatie               text NOT NULL DEFAULT '' CHECK (length(locatie) <= 200),
  leerjaar              integer NOT NULL CHECK (leerjaar BETWEEN 1 AND 6),
  periode               text NOT NULL CHECK (periode IN ('P1', 'P2', 'P3', 'P4', 'jaar')),
  leerwegen             jsonb NOT NULL DEFAULT '[]',   -- ["BB", "KB", ...]
  capaciteit            integer NOT NULL CHECK (capaciteit BETWEEN 1 AND 10000),   -- places per period
  voorwaarden           jsonb NOT NULL DEFAULT '[]',   -- ids of modules (same menukaart) to follow first
  keuzevakken           jsonb NOT NULL DEFAULT '[]',   -- vmbo codes, e.g. "K/PIE/16"
  profielmodulen        jsonb NOT NULL DEFAULT '[]',   -- vmbo codes, e.g. "P/PIE/02"
  keuzedelen            jsonb NOT NULL DEFAULT '[]',   -- mbo keuzedeel codes, e.g. "K0072"
  kwalificaties         jsonb NOT NULL DEFAULT '[]',   -- crebos
  profielen             jsonb NOT NULL DEFAULT '[]',   -- profiel codes: chosen plus those of the keuzevakken/profielmodulen
  sectoren              jsonb NOT NULL DEFAULT '[]',   -- derived from the profielen (domain/menukaart/sectoren)
  leerroute_id          uuid REFERENCES leerroute (id) ON DELETE SET NULL,
  reden_teruggestuurd   text,
  laatste_review        date,
  herziening_opdracht   text,
  herziening_deadline   date,
  ingediend_door        uuid REFERENCES app_user (id) ON DELETE SET NULL,
  gepubliceerd_at       timestamptz,
  gepubliceerd_door     uuid REFERENCES app_user (id) ON DELETE SET NULL,
  versie                integer NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  UNIQUE (regio_id, slug)
);
CREATE INDEX menukaart_module_regio_status_idx ON menukaart_module (regio_id, status);
CREATE INDEX menukaart_module_aanbieder_idx ON menukaart_module (aanbieder_id);

-- 3. Exams taken in a module per schooljaar and school, recorded by the provider (where the module is not examined
--    through the joint exam of issue 14; those are counted from examen/beoordeling).
CREATE TABLE menukaart_examen_telling (
  module_id     uuid NOT NULL REFERENCES menukaart_module (id) ON DELETE CASCADE,
  schooljaar    text NOT NULL CHECK (schooljaar ~ '^[0-9]{4}-[0-9]{4}$'),
  school_id     uuid NOT NULL REFERENCES organisation (id),
  aantal        integer NOT NULL CHECK (aantal BETWEEN 0 AND 100000),
  recorded_by   uuid REFERENCES app_user (id) ON DELETE SET NULL,
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (module_id, schooljaar, school_id)
);
