-- Issue 13, the regelbank ("wat moet en wat mag" made executable).
--
-- 1. Docentinzet per samenwerking and schooljaar: who teaches (a name or a role), from which partner organisation,
--    with which bevoegdheid, to vmbo pupils or mbo students, and how many hours in that schooljaar. The rules check it
--    (gastdocent at most 160 hours on the vmbo; an mbo teacher without tweedegraads bevoegdheid only under an
--    agreement). Optimistic concurrency by versie (a stale versie is a 409 in the application); who changed it last
--    is emptied when that account is deleted (the audit log keeps the ids).
CREATE TABLE docentinzet (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id   uuid NOT NULL REFERENCES partnership (id),
  schooljaar       text NOT NULL CHECK (schooljaar ~ '^[0-9]{4}-[0-9]{4}$'),
  naam_of_rol      text NOT NULL CHECK (length(naam_of_rol) BETWEEN 1 AND 200),
  organisation_id  uuid NOT NULL REFERENCES organisation (id),
  bevoegdheid      text NOT NULL CHECK (bevoegdheid IN ('tweedegraads', 'pedagogisch-didactisch-getuigschrift', 'gastdocent')),
  onderwijs_aan    text NOT NULL DEFAULT 'vmbo' CHECK (onderwijs_aan IN ('vmbo', 'mbo')),
  uren             numeric(6, 1) NOT NULL CHECK (uren >= 0 AND uren <= 2000),
  versie           integer NOT NULL DEFAULT 1,
  created_by       uuid REFERENCES app_user (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_by       uuid REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX docentinzet_partnership_idx ON docentinzet (partnership_id, schooljaar);

-- 2. A rule marked "niet van toepassing" for one leerroute, with the reason and who marked it: shown beside the rule,
--    never silent. One mark per route and rule; removing it deletes the row. Every set and removal is in the audit
--    log (subject: the leerroute). The rule id is the id in src/domain/regels/regels.json (not a foreign key: the
--    rule set is data in the code, versioned with it).
CREATE TABLE regel_markering (
  leerroute_id     uuid NOT NULL REFERENCES leerroute (id),
  regel_id         text NOT NULL CHECK (regel_id ~ '^[a-z0-9-]{3,60}$'),
  reden            text NOT NULL CHECK (length(reden) BETWEEN 5 AND 1000),
  gemarkeerd_door  uuid REFERENCES app_user (id) ON DELETE SET NULL,
  organisation_id  uuid REFERENCES organisation (id),
  gemarkeerd_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (leerroute_id, regel_id)
);
