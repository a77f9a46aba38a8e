-- Issue 12 (the teacher's experience), the leerroute-ontwerper:
-- 1. The schooljaar (cohort) a leerroute starts in, shown in the header of the PTA and the route document:
--    "2026-2027"; null for routes made before (the exports then say "niet opgegeven").
ALTER TABLE leerroute ADD COLUMN schooljaar text CHECK (schooljaar IS NULL OR schooljaar ~ '^[0-9]{4}-[0-9]{4}$');

-- 2. A doel is planned once per route. Every item of a planningsregel has a row here; the primary key refuses a
--    second regel with the same item, also when two teachers with stale pages plan it at the same moment (the
--    application answers 409). Deleting a regel deletes its rows. Moving a regel does not change its items.
CREATE TABLE leerroute_planning_item (
  leerroute_id  uuid NOT NULL REFERENCES leerroute (id),
  item_id       text NOT NULL,
  planning_id   uuid NOT NULL REFERENCES leerroute_planning (id) ON DELETE CASCADE,
  PRIMARY KEY (leerroute_id, item_id)
);
CREATE INDEX leerroute_planning_item_planning_idx ON leerroute_planning_item (planning_id);

-- Plans made before: the first regel of an item keeps it. An item that was already planned twice stays so (the
-- coverage check warns about it) until a teacher removes one of the regels.
INSERT INTO leerroute_planning_item (leerroute_id, item_id, planning_id)
SELECT DISTINCT ON (p.leerroute_id, i.item) p.leerroute_id, i.item, p.id
  FROM leerroute_planning p, jsonb_array_elements_text(p.items) AS i(item)
 ORDER BY p.leerroute_id, i.item, p.created_at, p.id;
