-- Issue 14: pupils, cohorts and the joint examination of keuzevak and keuzedeel (exam plan, assessment, results,
-- vrijstelling). Pupils are minors: only what the features need is stored (never a BSN or onderwijsnummer; a birth
-- date only for the extraneus registration; an optional ECK iD as pseudonymous key), and every cohort has a retention
-- period after which its pupils' rows are deleted (cascading to everything about them) while the counts stay.

-- 1. A new role: the mbo beoordelaar (2nd assessor, decides on the keuzedeel).
ALTER TABLE membership DROP CONSTRAINT membership_rol_check;
ALTER TABLE membership ADD CONSTRAINT membership_rol_check CHECK (rol IN ('beheerder', 'ontwikkelaar', 'examinator', 'beoordelaar', 'examencommissie', 'decaan', 'leerling'));
ALTER TABLE invitation DROP CONSTRAINT invitation_rol_check;
ALTER TABLE invitation ADD CONSTRAINT invitation_rol_check CHECK (rol IN ('beheerder', 'ontwikkelaar', 'examinator', 'beoordelaar', 'examencommissie', 'decaan', 'leerling'));

-- 2. A cohort: the pupils of one vmbo school following one leerroute in one schooljaar and leerjaar.
--    Retention: pupil rows are removed once einddatum + bewaartermijn_maanden has passed (scheduled job); the cohort
--    row stays with the counts in `opgeschoond` ({ leerlingen, inschrijvingen, beoordelingen, behaald }).
CREATE TABLE cohort (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id       uuid NOT NULL REFERENCES organisation (id),   -- the vmbo school that owns the pupil data
  leerroute_id          uuid NOT NULL REFERENCES leerroute (id),
  naam                  text NOT NULL CHECK (length(naam) BETWEEN 1 AND 200),
  schooljaar            text NOT NULL CHECK (schooljaar ~ '^[0-9]{4}-[0-9]{4}$'),
  leerjaar              integer NOT NULL CHECK (leerjaar BETWEEN 1 AND 6),
  einddatum             date NOT NULL,                                 -- when the cohort ends (default 31 July of the schooljaar)
  bewaartermijn_maanden integer NOT NULL DEFAULT 24 CHECK (bewaartermijn_maanden BETWEEN 1 AND 120),
  opgeschoond_at        timestamptz,
  opgeschoond           jsonb,
  versie                integer NOT NULL DEFAULT 1,
  created_by            uuid REFERENCES app_user (id) ON DELETE SET NULL,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_by            uuid REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cohort_organisation_idx ON cohort (organisation_id);
CREATE INDEX cohort_leerroute_idx ON cohort (leerroute_id);

-- 3. A pupil in a cohort (the school's own records, imported or typed in). An account (role leerling) is linked when
--    the pupil accepts an invitation sent for this record (invitation.leerling_id), also when signed in through the
--    school's SSO. The ECK iD is stored as a pseudonymous key only; no automatic linking by ECK iD (yet).
CREATE TABLE leerling (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cohort_id         uuid NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
  organisation_id   uuid NOT NULL REFERENCES organisation (id),
  leerlingnummer    text NOT NULL CHECK (leerlingnummer ~ '^[A-Za-z0-9-]{1,20}$'),
  roepnaam          text NOT NULL CHECK (length(roepnaam) BETWEEN 1 AND 100),
  tussenvoegsel     text NOT NULL DEFAULT '' CHECK (length(tussenvoegsel) <= 30),
  achternaam        text NOT NULL CHECK (length(achternaam) BETWEEN 1 AND 100),
  klas              text NOT NULL DEFAULT '' CHECK (length(klas) <= 30),
  leerweg           text CHECK (leerweg IN ('BB', 'KB', 'GL', 'TL')),
  geboortedatum     date,
  eck_id            text CHECK (eck_id IS NULL OR length(eck_id) BETWEEN 10 AND 300),
  account_id        uuid REFERENCES app_user (id) ON DELETE SET NULL,
  versie            integer NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (cohort_id, leerlingnummer)
);
CREATE INDEX leerling_organisation_idx ON leerling (organisation_id);
CREATE INDEX leerling_account_idx ON leerling (account_id) WHERE account_id IS NOT NULL;
ALTER TABLE invitation ADD COLUMN leerling_id uuid REFERENCES leerling (id) ON DELETE CASCADE;

-- 4. A joint exam: the keuzedeel exam of a route (leading) that also closes a vmbo keuzevak, taken by one cohort.
--    grondslag says why the result yields a vrijstelling: the pupils are registered at the mbo as extraneus, or the
--    exam is part of a joint PTA/OER of a doorlopende leerroute. The results are vastgesteld per exam in one action.
CREATE TABLE examen (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id            uuid NOT NULL REFERENCES partnership (id),
  leerroute_id              uuid NOT NULL REFERENCES leerroute (id),
  cohort_id                 uuid NOT NULL REFERENCES cohort (id),
  vmbo_organisation_id      uuid NOT NULL REFERENCES organisation (id),
  mbo_organisation_id       uuid NOT NULL REFERENCES organisation (id),
  keuzedeel_code            text NOT NULL CHECK (keuzedeel_code ~ '^[A-Z0-9]{1,20}$'),
  keuzevak_id               text,                         -- the vmbo catalogue id of the keuzevak it closes
  grondslag                 text NOT NULL CHECK (grondslag IN ('extraneus', 'gezamenlijk-pta-oer')),
  resultaten_vastgesteld_at timestamptz,
  resultaten_vastgesteld_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
  versie                    integer NOT NULL DEFAULT 1,
  created_by                uuid REFERENCES app_user (id) ON DELETE SET NULL,
  created_at                timestamptz NOT NULL DEFAULT now(),
  updated_at                timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX examen_partnership_idx ON examen (partnership_id);
CREATE INDEX examen_cohort_idx ON examen (cohort_id);

-- 5. The exam plan, versioned: the content (onderdelen with criteria and the eindtermen each covers, scale, cesuur,
--    conversion to the keuzevak grade, PTA toets, dates, location, assessors, coverage acceptance) is one jsonb
--    validated by the shared zod schema. A vastgesteld version is frozen (trigger); a change makes a new version
--    (concept) that needs approval again. At most one open version per exam.
CREATE TABLE examenplan (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  examen_id         uuid NOT NULL REFERENCES examen (id),
  versienummer      integer NOT NULL CHECK (versienummer >= 1),
  status            text NOT NULL DEFAULT 'concept' CHECK (status IN ('concept', 'ingediend', 'vastgesteld', 'vervangen')),
  inhoud            jsonb NOT NULL,
  dekking_akkoord   jsonb,                                -- the examencommissie accepting open gaps: { reden, door, naam, at }
  ingediend_at      timestamptz,
  ingediend_by      uuid REFERENCES app_user (id) ON DELETE SET NULL,
  vastgesteld_at    timestamptz,
  vastgesteld_by    uuid REFERENCES app_user (id) ON DELETE SET NULL,
  vastgesteld_naam  text,                                  -- the name as it was at approval (kept when the account goes)
  versie            integer NOT NULL DEFAULT 1,
  updated_by        uuid REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  created_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (examen_id, versienummer)
);
CREATE UNIQUE INDEX examenplan_een_open_versie ON examenplan (examen_id) WHERE status IN ('concept', 'ingediend');

CREATE FUNCTION examenplan_bevroren() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('vastgesteld', 'vervangen') THEN
    IF NEW.inhoud IS DISTINCT FROM OLD.inhoud OR NEW.dekking_akkoord IS DISTINCT FROM OLD.dekking_akkoord
       OR NEW.vastgesteld_at IS DISTINCT FROM OLD.vastgesteld_at THEN
      RAISE EXCEPTION 'examenplan: version % is %, it is frozen', OLD.versienummer, OLD.status;
    END IF;
    IF OLD.status = 'vervangen' AND NEW.status <> 'vervangen' THEN
      RAISE EXCEPTION 'examenplan: a replaced version stays replaced';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER examenplan_bevroren BEFORE UPDATE ON examenplan FOR EACH ROW EXECUTE FUNCTION examenplan_bevroren();

-- 6. Registration of a pupil for an exam as extraneus at the mbo (aangemeld by the vmbo school, ingeschreven once the
--    mbo student administration has registered the pupil).
CREATE TABLE examen_inschrijving (
  examen_id         uuid NOT NULL REFERENCES examen (id),
  leerling_id       uuid NOT NULL REFERENCES leerling (id) ON DELETE CASCADE,
  status            text NOT NULL DEFAULT 'aangemeld' CHECK (status IN ('aangemeld', 'ingeschreven')),
  aangemeld_at      timestamptz NOT NULL DEFAULT now(),
  ingeschreven_at   timestamptz,
  updated_by        uuid REFERENCES app_user (id) ON DELETE SET NULL,
  PRIMARY KEY (examen_id, leerling_id)
);
CREATE INDEX examen_inschrijving_leerling_idx ON examen_inschrijving (leerling_id);

-- 7. The assessment form of one pupil for one exam attempt (poging 1; 2 = herkansing as the PTA allows), against one
--    vastgesteld plan version. The two assessors' parts carry their own versie, so the 1st and 2nd assessor save at
--    the same time without a conflict while two tabs of the same assessor get a 409. Results: the keuzedeel result
--    (2nd assessor) and the keuzevak grade (vmbo examinator, from the agreed conversion). Once the examencommissie
--    vaststelt the exam's results, a form is frozen: a change is a correction with a reason (beoordeling_historie).
CREATE TABLE beoordeling (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  examen_id            uuid NOT NULL REFERENCES examen (id),
  examenplan_id        uuid NOT NULL REFERENCES examenplan (id),
  leerling_id          uuid NOT NULL REFERENCES leerling (id) ON DELETE CASCADE,
  poging               integer NOT NULL DEFAULT 1 CHECK (poging BETWEEN 1 AND 3),
  versie_eerste        integer NOT NULL DEFAULT 1,
  versie_tweede        integer NOT NULL DEFAULT 1,
  keuzedeel_resultaat  text CHECK (keuzedeel_resultaat IN ('behaald', 'niet-behaald')),
  keuzedeel_cijfer     numeric(3, 1) CHECK (keuzedeel_cijfer BETWEEN 1 AND 10),
  keuzevak_cijfer      numeric(3, 1) CHECK (keuzevak_cijfer BETWEEN 1 AND 10),
  afgenomen_op         date,
  status               text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'vastgesteld')),
  vastgesteld_at       timestamptz,
  vastgesteld_by       uuid REFERENCES app_user (id) ON DELETE SET NULL,
  vastgesteld_naam     text,                              -- the examencommissie member's name at vaststelling
  verificatiecode      text UNIQUE,                       -- given at vaststelling; checks the result statement
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (examen_id, leerling_id, poging)
);
CREATE INDEX beoordeling_leerling_idx ON beoordeling (leerling_id);

-- One score per criterion and assessor (eerste: vmbo examinator, tweede: mbo beoordelaar). The criterion id is the id
-- in the plan version's inhoud.
CREATE TABLE beoordeling_score (
  beoordeling_id   uuid NOT NULL REFERENCES beoordeling (id) ON DELETE CASCADE,
  criterium_id     text NOT NULL CHECK (criterium_id ~ '^[a-z0-9-]{1,40}$'),
  beoordelaar      text NOT NULL CHECK (beoordelaar IN ('eerste', 'tweede')),
  score            numeric(5, 1) NOT NULL,
  notitie          text NOT NULL DEFAULT '' CHECK (length(notitie) <= 2000),
  updated_by       uuid REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (beoordeling_id, criterium_id, beoordelaar)
);

-- Every change of a score or result, attributed; corrections after vaststelling carry their reason.
CREATE TABLE beoordeling_historie (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  beoordeling_id   uuid NOT NULL REFERENCES beoordeling (id) ON DELETE CASCADE,
  at               timestamptz NOT NULL DEFAULT now(),
  by_user_id       uuid REFERENCES app_user (id) ON DELETE SET NULL,
  by_naam          text NOT NULL DEFAULT '',
  wat              text NOT NULL,                         -- 'score', 'keuzedeel-resultaat', 'keuzevak-cijfer', 'correctie', 'vastgesteld'
  details          jsonb NOT NULL DEFAULT '{}',
  reden            text
);
CREATE INDEX beoordeling_historie_idx ON beoordeling_historie (beoordeling_id, at);

-- 8. A pupil's request for a vrijstelling at an mbo instelling (the same or another) on a vastgesteld, passed
--    keuzedeel result. Only the pupil sends it; the receiving instelling's examencommissie decides.
CREATE TABLE vrijstelling_verzoek (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  beoordeling_id         uuid NOT NULL REFERENCES beoordeling (id) ON DELETE CASCADE,
  leerling_id            uuid NOT NULL REFERENCES leerling (id) ON DELETE CASCADE,
  account_id             uuid REFERENCES app_user (id) ON DELETE SET NULL,
  organisation_id        uuid NOT NULL REFERENCES organisation (id),   -- the receiving mbo instelling
  opleiding              text NOT NULL CHECK (length(opleiding) BETWEEN 1 AND 300),
  crebo                  text CHECK (crebo IS NULL OR crebo ~ '^[0-9]{5}$'),
  toelichting            text NOT NULL DEFAULT '' CHECK (length(toelichting) <= 2000),
  status                 text NOT NULL DEFAULT 'ingediend' CHECK (status IN ('ingediend', 'toegekend', 'afgewezen')),
  besluit_reden          text,
  besloten_by            uuid REFERENCES app_user (id) ON DELETE SET NULL,
  besloten_at            timestamptz,
  versie                 integer NOT NULL DEFAULT 1,
  created_at             timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'afgewezen' OR besluit_reden IS NOT NULL)
);
CREATE INDEX vrijstelling_verzoek_organisation_idx ON vrijstelling_verzoek (organisation_id, status);
CREATE UNIQUE INDEX vrijstelling_verzoek_een_open ON vrijstelling_verzoek (beoordeling_id, organisation_id) WHERE status = 'ingediend';
