-- Issue 15: LOB (loopbaanoriëntatie en -begeleiding) and the pupil's loopbaandossier. The dossier belongs to the
-- pupil (their account) at the school where they are a leerling; only the pupil writes it and only the pupil hands it
-- over (a share link they make and can revoke). The school's decaan reads it and marks the school's LOB parts done.
-- Retention: everything here hangs on the pupil's account (ON DELETE CASCADE); a dossier of a pupil who left the
-- school is deleted by purgeLobDossiers after the grace period in docs/lob.md.

-- 1. An LOB activity of a pupil, with a reflection per loopbaancompetentie (jsonb: { kwaliteitenreflectie: text, … }).
CREATE TABLE lob_activiteit (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id        uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  organisation_id   uuid NOT NULL REFERENCES organisation (id),
  soort             text NOT NULL CHECK (soort IN ('snuffelstage', 'meeloopdag', 'bedrijfsbezoek', 'open-dag', 'gesprek', 'workshop', 'anders')),
  datum             date NOT NULL,
  titel             text NOT NULL CHECK (length(titel) BETWEEN 1 AND 200),
  doel              text NOT NULL DEFAULT '' CHECK (length(doel) <= 4000),
  reflecties        jsonb NOT NULL DEFAULT '{}',
  conclusie         text NOT NULL DEFAULT '' CHECK (length(conclusie) <= 4000),
  vervolgstap       text NOT NULL DEFAULT '' CHECK (length(vervolgstap) <= 4000),
  onderdeel_id      uuid,                                -- the school's LOB part this activity belongs to (optional)
  versie            integer NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lob_activiteit_account_idx ON lob_activiteit (account_id, organisation_id, datum);

-- 2. The oplegger for the mbo intake, filled in by the pupil (one per pupil and school; jsonb validated by the shared
--    zod schema).
CREATE TABLE lob_oplegger (
  account_id        uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  organisation_id   uuid NOT NULL REFERENCES organisation (id),
  inhoud            jsonb NOT NULL,
  versie            integer NOT NULL DEFAULT 1,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, organisation_id)
);

-- 3. The school's LOB programme: the planned LOB parts per leerjaar, kept by the decaan (the PTA accounts for LOB;
--    LOB is not graded, a part is only done or not).
CREATE TABLE lob_onderdeel (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id   uuid NOT NULL REFERENCES organisation (id),
  leerjaar          integer NOT NULL CHECK (leerjaar BETWEEN 1 AND 6),
  titel             text NOT NULL CHECK (length(titel) BETWEEN 1 AND 200),
  omschrijving      text NOT NULL DEFAULT '' CHECK (length(omschrijving) <= 2000),
  periode           text NOT NULL DEFAULT '' CHECK (length(periode) <= 60),
  competenties      jsonb NOT NULL DEFAULT '[]',
  vervallen         boolean NOT NULL DEFAULT false,
  versie            integer NOT NULL DEFAULT 1,
  created_by        uuid REFERENCES app_user (id) ON DELETE SET NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lob_onderdeel_organisation_idx ON lob_onderdeel (organisation_id, leerjaar);
ALTER TABLE lob_activiteit ADD CONSTRAINT lob_activiteit_onderdeel_fk FOREIGN KEY (onderdeel_id) REFERENCES lob_onderdeel (id) ON DELETE SET NULL;

-- 4. A part marked done for one pupil by the decaan.
CREATE TABLE lob_onderdeel_afgerond (
  onderdeel_id      uuid NOT NULL REFERENCES lob_onderdeel (id) ON DELETE CASCADE,
  account_id        uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  afgerond_by       uuid REFERENCES app_user (id) ON DELETE SET NULL,
  afgerond_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (onderdeel_id, account_id)
);

-- 5. A share link made by the pupil: only the sha256 of the random token is stored (like reset tokens); it shows what
--    the pupil chose (`inhoud`: { activiteitIds, oplegger, programma }), until `verloopt_at` or until revoked.
CREATE TABLE lob_deellink (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id        uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  organisation_id   uuid NOT NULL REFERENCES organisation (id),
  token_hash        text NOT NULL UNIQUE,
  ontvanger         text NOT NULL CHECK (length(ontvanger) BETWEEN 1 AND 200),
  inhoud            jsonb NOT NULL,
  verloopt_at       timestamptz NOT NULL,
  ingetrokken_at    timestamptz,
  keer_geopend      integer NOT NULL DEFAULT 0,
  laatst_geopend_at timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lob_deellink_account_idx ON lob_deellink (account_id, organisation_id);
