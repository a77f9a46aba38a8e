-- Issue 6: the leerroute-ontwerper. A leerroute belongs to a samenwerking; both partner schools edit it (see
-- docs/decisions/0008-leerroute-model.md). Item ids are the stable catalogue ids of the overlap inventory (an
-- eindterm's SLO id, `crebo:werkprocescode`, `keuzedeel:code`), not foreign keys, so a plan outlives a re-import.
-- Concurrency: every row carries its own versie (optimistic; a stale versie is a 409 in the application).

CREATE TABLE leerroute (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id  uuid NOT NULL REFERENCES partnership (id),
  naam            text NOT NULL,
  type            text NOT NULL CHECK (type IN ('doorlopend', 'geintegreerd', 'keuzevak-keuzedeel', 'gl-tl-niveau4')),
  vmbo            jsonb NOT NULL,   -- { profiel, leerweg, profielmodulen[], keuzevakken[] }
  mbo             jsonb NOT NULL,   -- { kwalificatie, keuzedelen[] }
  tijdpad         jsonb NOT NULL,   -- [{ leerjaar, fase, perioden, organisatieId }], sorted by leerjaar
  versie          integer NOT NULL DEFAULT 1,
  created_by      uuid REFERENCES app_user (id) ON DELETE SET NULL,
  created_org     uuid REFERENCES organisation (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_by      uuid REFERENCES app_user (id) ON DELETE SET NULL,
  updated_org     uuid REFERENCES organisation (id),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  -- Deleting a route hides it; its history stays readable in the audit trail.
  verwijderd_at   timestamptz
);
CREATE INDEX leerroute_partnership_idx ON leerroute (partnership_id) WHERE verwijderd_at IS NULL;

-- Step 2: a planningsregel puts one or more items (a Beiden link: items of both sides) in a leerjaar and periode.
CREATE TABLE leerroute_planning (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  leerroute_id  uuid NOT NULL REFERENCES leerroute (id),
  items         jsonb NOT NULL,     -- ["<item id>", ...]
  leerjaar      integer NOT NULL,
  periode       integer NOT NULL,
  versie        integer NOT NULL DEFAULT 1,
  updated_by    uuid REFERENCES app_user (id) ON DELETE SET NULL,
  updated_org   uuid REFERENCES organisation (id),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX leerroute_planning_route_idx ON leerroute_planning (leerroute_id);

-- Step 3: toetsen.
CREATE TABLE leerroute_toets (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  leerroute_id   uuid NOT NULL REFERENCES leerroute (id),
  leerjaar       integer NOT NULL,
  periode        integer NOT NULL,
  toetscode      text NOT NULL,
  naam           text NOT NULL,
  omschrijving   text NOT NULL DEFAULT '',
  vorm           text NOT NULL CHECK (vorm IN ('schriftelijk', 'mondeling', 'praktijkopdracht', 'proeve-van-bekwaamheid', 'presentatie', 'portfolio', 'anders')),
  soort          text NOT NULL CHECK (soort IN ('formatief', 'summatief')),
  doelen         jsonb NOT NULL DEFAULT '[]',
  duur_minuten   integer,
  weging         double precision,
  herkansbaar    boolean NOT NULL DEFAULT false,
  onderdeel_van  text NOT NULL DEFAULT 'geen' CHECK (onderdeel_van IN ('pta', 'examenplan', 'beide', 'geen')),
  se_weging      double precision,
  versie         integer NOT NULL DEFAULT 1,
  updated_by     uuid REFERENCES app_user (id) ON DELETE SET NULL,
  updated_org    uuid REFERENCES organisation (id),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX leerroute_toets_route_idx ON leerroute_toets (leerroute_id);

-- Step 4: activiteiten and lessen.
CREATE TABLE leerroute_activiteit (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  leerroute_id    uuid NOT NULL REFERENCES leerroute (id),
  leerjaar        integer NOT NULL,
  periode         integer NOT NULL,
  titel           text NOT NULL,
  omschrijving    text NOT NULL DEFAULT '',
  doelen          jsonb NOT NULL DEFAULT '[]',
  organisation_id uuid REFERENCES organisation (id),
  uren            double precision,
  versie          integer NOT NULL DEFAULT 1,
  updated_by      uuid REFERENCES app_user (id) ON DELETE SET NULL,
  updated_org     uuid REFERENCES organisation (id),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX leerroute_activiteit_route_idx ON leerroute_activiteit (leerroute_id);

-- Step 5: materialen.
CREATE TABLE leerroute_materiaal (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  leerroute_id    uuid NOT NULL REFERENCES leerroute (id),
  leerjaar        integer NOT NULL,
  periode         integer NOT NULL,
  titel           text NOT NULL,
  soort           text NOT NULL CHECK (soort IN ('methode', 'gereedschap', 'locatie', 'digitaal', 'anders')),
  omschrijving    text NOT NULL DEFAULT '',
  url             text,
  organisation_id uuid REFERENCES organisation (id),
  versie          integer NOT NULL DEFAULT 1,
  updated_by      uuid REFERENCES app_user (id) ON DELETE SET NULL,
  updated_org     uuid REFERENCES organisation (id),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX leerroute_materiaal_route_idx ON leerroute_materiaal (leerroute_id);

-- Every change, attributed (user, the user's partner organisation, time). Append-only like the audit log.
CREATE TABLE leerroute_historie (
  id               bigserial PRIMARY KEY,
  leerroute_id     uuid NOT NULL REFERENCES leerroute (id),
  user_id          uuid NOT NULL REFERENCES app_user (id),
  organisation_id  uuid REFERENCES organisation (id),
  actie            text NOT NULL,
  omschrijving     text NOT NULL,
  entiteit_soort   text NOT NULL CHECK (entiteit_soort IN ('leerroute', 'planning', 'toets', 'activiteit', 'materiaal')),
  entiteit_id      uuid NOT NULL,
  details          jsonb NOT NULL DEFAULT '{}',
  at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX leerroute_historie_route_idx ON leerroute_historie (leerroute_id, id);

CREATE FUNCTION leerroute_historie_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'leerroute_historie is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER leerroute_historie_no_update_delete BEFORE UPDATE OR DELETE ON leerroute_historie FOR EACH ROW EXECUTE FUNCTION leerroute_historie_append_only();
CREATE TRIGGER leerroute_historie_no_truncate BEFORE TRUNCATE ON leerroute_historie FOR EACH STATEMENT EXECUTE FUNCTION leerroute_historie_append_only();
