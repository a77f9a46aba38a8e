-- Issue 15, the pupil's programme: a pupil (role leerling at a vmbo school, their own account) chooses published
-- modules of their region's menukaart for a period of a schooljaar; the decaan (or mentor, docs/lob.md) of the school
-- approves or sends the choice back with a reason. An approved choice places the pupil in a cohort of the module's
-- leerroute (issue 14: cohort, leerling). The school keeps its settings (modules per period, deadlines), an mbo
-- instelling enters the extra admission requirements per kwalificatie.

-- 1. The school's settings for choosing: how many modules a pupil chooses per period, and deadlines per period
--    (`deadlines`: { "2026-2027/P3": "2027-01-15", … }; a period without one uses the default of domain/menukaart/keuze).
CREATE TABLE keuze_instelling (
  school_id            uuid PRIMARY KEY REFERENCES organisation (id),
  modules_per_periode  integer NOT NULL DEFAULT 2 CHECK (modules_per_periode BETWEEN 1 AND 10),
  deadlines            jsonb NOT NULL DEFAULT '{}',
  versie               integer NOT NULL DEFAULT 1,
  updated_by           uuid REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at           timestamptz NOT NULL DEFAULT now()
);

-- 2. A pupil's choice of a module for a period of a schooljaar. status: aangevraagd (waiting for the decaan),
--    goedgekeurd (placed: leerling_id is the pupil's row in the cohort), teruggestuurd (with a reason, the
--    conversation note), ingetrokken (by the pupil before a decision). Hangs on the pupil's account.
CREATE TABLE menukaart_keuze (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id      uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  school_id       uuid NOT NULL REFERENCES organisation (id),
  module_id       uuid NOT NULL REFERENCES menukaart_module (id),
  schooljaar      text NOT NULL CHECK (schooljaar ~ '^[0-9]{4}-[0-9]{4}$'),
  periode         text NOT NULL CHECK (periode IN ('P1', 'P2', 'P3', 'P4', 'jaar')),
  status          text NOT NULL DEFAULT 'aangevraagd' CHECK (status IN ('aangevraagd', 'goedgekeurd', 'teruggestuurd', 'ingetrokken')),
  reden           text CHECK (reden IS NULL OR length(reden) <= 2000),
  leerling_id     uuid REFERENCES leerling (id) ON DELETE SET NULL,
  beoordeeld_door uuid REFERENCES app_user (id) ON DELETE SET NULL,
  beoordeeld_at   timestamptz,
  versie          integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX menukaart_keuze_account_idx ON menukaart_keuze (account_id, schooljaar);
CREATE INDEX menukaart_keuze_school_idx ON menukaart_keuze (school_id, status);
CREATE INDEX menukaart_keuze_module_idx ON menukaart_keuze (module_id, schooljaar);
-- One active choice per pupil, module and schooljaar.
CREATE UNIQUE INDEX menukaart_keuze_actief_uniek ON menukaart_keuze (account_id, module_id, schooljaar) WHERE status IN ('aangevraagd', 'goedgekeurd');

-- 3. Extra admission requirements of an mbo instelling per kwalificatie (crebo), published before 1 February.
CREATE TABLE toelatingseis (
  instelling_id  uuid NOT NULL REFERENCES organisation (id),
  crebo          text NOT NULL CHECK (crebo ~ '^[0-9]{5}$'),
  tekst          text NOT NULL CHECK (length(tekst) BETWEEN 1 AND 2000),
  versie         integer NOT NULL DEFAULT 1,
  updated_by     uuid REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (instelling_id, crebo)
);
CREATE INDEX toelatingseis_crebo_idx ON toelatingseis (crebo);
