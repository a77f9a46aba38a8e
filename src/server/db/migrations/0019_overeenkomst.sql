-- Issue 13: the samenwerkingsovereenkomst (agreement) of a samenwerking.
--
-- An agreement belongs to a samenwerking. Every version is a row of its own: versions of one agreement share a
-- reeks_id and count up in documentversie; a signed version is frozen (its texts, parties, signatures and
-- medezeggenschap copied into `bevroren`, and the clause rows refuse changes by trigger); a change makes a new version
-- (a new row, concept, with the texts copied). At most one open version (concept or ter ondertekening) per reeks.
-- Concurrency: the agreement row and every clause carry their own versie (a stale versie is a 409 in the application).
-- Who changed something is emptied when that account is deleted; the history keeps the id only.
CREATE TABLE overeenkomst (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reeks_id          uuid NOT NULL,
  documentversie    integer NOT NULL CHECK (documentversie >= 1),
  voorganger_id     uuid REFERENCES overeenkomst (id),
  partnership_id    uuid NOT NULL REFERENCES partnership (id),
  soort             text NOT NULL CHECK (soort IN ('doorlopende-leerroute', 'leerwerktraject', 'entree', 'keuzevak-keuzedeel', 'algemeen')),
  titel             text NOT NULL CHECK (length(titel) BETWEEN 1 AND 200),
  status            text NOT NULL DEFAULT 'concept' CHECK (status IN ('concept', 'ter-ondertekening', 'ondertekend', 'beeindigd')),
  onderwerpen       jsonb NOT NULL DEFAULT '[]',   -- ["gastdocenten", "faciliteiten", "lob", "gezamenlijke-beoordeling"]
  clausuleset       text NOT NULL,                 -- versie of src/domain/overeenkomst/clausules.json at creation
  partijen          jsonb,                         -- the parties fixed when offered for signing: [{ id, naam, soort, brin, vestigingen }]
  bevroren          jsonb,                         -- the signed version as it was signed (clauses, routes, parties, signatures, medezeggenschap)
  ingediend_at      timestamptz,
  ondertekend_at    timestamptz,
  beeindigd_at      timestamptz,
  beeindigd_reden   text,
  versie            integer NOT NULL DEFAULT 1,
  created_by        uuid REFERENCES app_user (id) ON DELETE SET NULL,
  created_org       uuid REFERENCES organisation (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_by        uuid REFERENCES app_user (id) ON DELETE SET NULL,
  updated_org       uuid REFERENCES organisation (id),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (reeks_id, documentversie),
  CHECK (status <> 'ondertekend' OR bevroren IS NOT NULL)
);
CREATE INDEX overeenkomst_partnership_idx ON overeenkomst (partnership_id);
-- One open version per agreement: two people making "a new version" at once cannot both succeed.
CREATE UNIQUE INDEX overeenkomst_een_open_versie ON overeenkomst (reeks_id) WHERE status IN ('concept', 'ter-ondertekening');

-- The leerroutes an agreement covers (routes of the same samenwerking; checked by the application).
CREATE TABLE overeenkomst_leerroute (
  overeenkomst_id  uuid NOT NULL REFERENCES overeenkomst (id),
  leerroute_id     uuid NOT NULL REFERENCES leerroute (id),
  PRIMARY KEY (overeenkomst_id, leerroute_id)
);
CREATE INDEX overeenkomst_leerroute_route_idx ON overeenkomst_leerroute (leerroute_id);

-- One row per clause of the agreement's soort: the text, its own versie, and who changed it last (null and voorstel:
-- the platform's proposal nobody changed yet). The clause id is the id in clausules.json (data in the code).
CREATE TABLE overeenkomst_clausule (
  overeenkomst_id  uuid NOT NULL REFERENCES overeenkomst (id),
  clausule_id      text NOT NULL CHECK (clausule_id ~ '^[a-z0-9-]{1,40}$'),
  positie          integer NOT NULL,
  tekst            text NOT NULL CHECK (length(tekst) <= 20000),
  versie           integer NOT NULL DEFAULT 1,
  voorstel         boolean NOT NULL DEFAULT true,
  updated_by       uuid REFERENCES app_user (id) ON DELETE SET NULL,
  updated_org      uuid REFERENCES organisation (id),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (overeenkomst_id, clausule_id)
);

-- A clause changes only while its agreement is a concept (the application answers 409 first; this is the last wall).
-- Emptying who changed it when an account is deleted (ON DELETE SET NULL) stays allowed.
CREATE FUNCTION overeenkomst_clausule_alleen_concept() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  st text;
BEGIN
  SELECT status INTO st FROM overeenkomst WHERE id = COALESCE(NEW.overeenkomst_id, OLD.overeenkomst_id);
  IF st IS DISTINCT FROM 'concept' THEN
    IF TG_OP = 'UPDATE' AND NEW.tekst = OLD.tekst AND NEW.versie = OLD.versie AND NEW.voorstel = OLD.voorstel THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'overeenkomst_clausule: the agreement is %, its clauses are frozen', st;
  END IF;
  RETURN COALESCE(NEW, OLD);
END;
$$;
CREATE TRIGGER overeenkomst_clausule_bevroren BEFORE INSERT OR UPDATE OR DELETE ON overeenkomst_clausule FOR EACH ROW EXECUTE FUNCTION overeenkomst_clausule_alleen_concept();

-- Comments per clause between the partners.
CREATE TABLE overeenkomst_opmerking (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  overeenkomst_id  uuid NOT NULL REFERENCES overeenkomst (id),
  clausule_id      text NOT NULL,
  tekst            text NOT NULL CHECK (length(tekst) BETWEEN 1 AND 2000),
  user_id          uuid REFERENCES app_user (id) ON DELETE SET NULL,
  organisation_id  uuid REFERENCES organisation (id),
  at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX overeenkomst_opmerking_idx ON overeenkomst_opmerking (overeenkomst_id, clausule_id, at);

-- Per party: who signed for its bevoegd gezag (name, function, date), and which user recorded it.
CREATE TABLE overeenkomst_ondertekening (
  overeenkomst_id  uuid NOT NULL REFERENCES overeenkomst (id),
  organisation_id  uuid NOT NULL REFERENCES organisation (id),
  naam             text NOT NULL CHECK (length(naam) BETWEEN 1 AND 120),
  functie          text NOT NULL CHECK (length(functie) BETWEEN 1 AND 120),
  datum            date NOT NULL,
  user_id          uuid REFERENCES app_user (id) ON DELETE SET NULL,
  at               timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (overeenkomst_id, organisation_id)
);

-- The instemming or advies of a party's medezeggenschap (MR of the vmbo school; deelnemersraad and OR of the mbo
-- instelling), with its date. One row per party and body; recording again replaces it (while not signed).
CREATE TABLE overeenkomst_medezeggenschap (
  overeenkomst_id  uuid NOT NULL REFERENCES overeenkomst (id),
  organisation_id  uuid NOT NULL REFERENCES organisation (id),
  orgaan           text NOT NULL CHECK (orgaan IN ('mr', 'deelnemersraad', 'ondernemingsraad')),
  uitkomst         text NOT NULL CHECK (uitkomst IN ('instemming', 'advies')),
  datum            date NOT NULL,
  toelichting      text NOT NULL DEFAULT '' CHECK (length(toelichting) <= 1000),
  user_id          uuid REFERENCES app_user (id) ON DELETE SET NULL,
  at               timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (overeenkomst_id, organisation_id, orgaan)
);

-- Every change of an agreement, in the transaction of the change (append-only by trigger). user_id has no foreign
-- key: the history outlives the account.
CREATE TABLE overeenkomst_historie (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  overeenkomst_id  uuid NOT NULL REFERENCES overeenkomst (id),
  user_id          uuid NOT NULL,
  organisation_id  uuid,
  actie            text NOT NULL,
  omschrijving     text NOT NULL,
  details          jsonb NOT NULL DEFAULT '{}',
  at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX overeenkomst_historie_idx ON overeenkomst_historie (overeenkomst_id, at);
CREATE FUNCTION overeenkomst_historie_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'overeenkomst_historie is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER overeenkomst_historie_no_update_delete BEFORE UPDATE OR DELETE ON overeenkomst_historie FOR EACH ROW EXECUTE FUNCTION overeenkomst_historie_append_only();
CREATE TRIGGER overeenkomst_historie_no_truncate BEFORE TRUNCATE ON overeenkomst_historie FOR EACH STATEMENT EXECUTE FUNCTION overeenkomst_historie_append_only();
