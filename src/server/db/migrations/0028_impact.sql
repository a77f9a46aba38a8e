-- Issue 16: when the national data changes. Every import that changes the catalogue records, in its own transaction,
-- which catalogue items changed (catalogus_wijziging) and which work of which samenwerking refers to them
-- (samenwerking_wijziging, one row per samenwerking × change × usage). Teachers repair per row: move to the
-- successor, keep (with a reason) or remove. Item ids are the stable ids of the overlap inventory (an eindterm's SLO
-- id, `crebo:werkprocescode`, `keuzedeel:code`) plus `keuzevak:<code>` and `kwalificatie:<crebo>` for the route's
-- settings; not foreign keys, like the crosswalk and the routes.

CREATE TABLE catalogus_wijziging (
  id                 bigserial PRIMARY KEY,
  release_id         integer NOT NULL REFERENCES source_release (id),
  item_id            text NOT NULL,
  soort              text NOT NULL CHECK (soort IN ('eindterm', 'werkproces', 'keuzedeel', 'keuzevak', 'kwalificatie')),
  wijziging          text NOT NULL CHECK (wijziging IN ('tekst', 'vervallen', 'vervangen', 'nieuw')),
  code               text,
  oude_tekst         text,
  nieuwe_tekst       text,
  opvolger_id        text,
  -- 'bron': the source names the successor (SLO replaces, the crebo lineage); 'suggestie': the zoekmonitor's best match.
  opvolger_herkomst  text CHECK (opvolger_herkomst IN ('bron', 'suggestie')),
  opvolger_tekst     text,
  UNIQUE (release_id, item_id)
);
CREATE INDEX catalogus_wijziging_item_idx ON catalogus_wijziging (item_id);

CREATE TABLE samenwerking_wijziging (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partnership_id    uuid NOT NULL REFERENCES partnership (id),
  wijziging_id      bigint NOT NULL REFERENCES catalogus_wijziging (id),
  item_id           text NOT NULL,
  -- Where the item is used: a crosswalk link or mark, a route's settings, planning, toets, activiteit, an exam,
  -- an exam plan's criteria, a menukaart module of one of its routes, an agreement.
  gebruik           text NOT NULL CHECK (gebruik IN ('koppeling', 'markering', 'route', 'planning', 'toets', 'activiteit', 'examen', 'examenplan', 'menukaart', 'overeenkomst')),
  gebruik_id        text NOT NULL,
  leerroute_id      uuid REFERENCES leerroute (id),
  omschrijving      text NOT NULL,
  status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'verplaatst', 'behouden', 'verwijderd')),
  reden             text,
  afgehandeld_door  uuid,                           -- an id only (like the histories): outlives the account
  afgehandeld_at    timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, wijziging_id, gebruik, gebruik_id)
);
CREATE INDEX samenwerking_wijziging_open_idx ON samenwerking_wijziging (partnership_id, status);

-- Anyone may watch a catalogue item (`keuzevak:<code>`, `kwalificatie:<crebo>`, `keuzedeel:<code>`).
CREATE TABLE catalogus_volgen (
  user_id     uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  item_id     text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, item_id)
);
CREATE INDEX catalogus_volgen_item_idx ON catalogus_volgen (item_id);

-- A person can turn the mails about changed national data off.
ALTER TABLE app_user ADD COLUMN impact_mail boolean NOT NULL DEFAULT true;

-- Finding the work that names a changed item, at the import: planned items, toets and activiteit doelen by item id.
CREATE INDEX leerroute_planning_item_item_idx ON leerroute_planning_item (item_id);
CREATE INDEX leerroute_toets_doelen_idx ON leerroute_toets USING gin (doelen);
CREATE INDEX leerroute_activiteit_doelen_idx ON leerroute_activiteit USING gin (doelen);
