-- Issue 16, fewer rows at the import. Planned items are by far the most places that name a changed item (one per
-- route × item); writing one finding per samenwerking × item × planningsregel cost most of the import's impact step.
-- Now the import writes, for planning, only one row per samenwerking × release with the counts (samenwerking_impact).
-- The findings of planning are one row per samenwerking × changed item (gebruik 'planning', gebruik_id = the item id,
-- no route): written the first time the samenwerking's page or badge is read after the import ("uitgewerkt"), from
-- what its routes plan then; the places (routes and planningsregels) are read with an indexed join when the page
-- asks, and a repair acts on every route of the samenwerking that plans the item.

CREATE TABLE samenwerking_impact (
  partnership_id  uuid NOT NULL REFERENCES partnership (id),
  release_id      integer NOT NULL REFERENCES source_release (id),
  -- Changed items its routes plan, and the planned places (route × item) at the import.
  items           integer NOT NULL,
  plekken         integer NOT NULL,
  -- When the findings of planning were written (null: not yet).
  uitgewerkt_at   timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (partnership_id, release_id)
);

-- The planned places of a samenwerking and an item: routes of the samenwerking, then their planned items by
-- (leerroute_id, item_id), the primary key of leerroute_planning_item. Nothing new is needed for that join.

-- Existing findings of planning (one per planningsregel): the open ones of a samenwerking and change become one
-- finding per samenwerking × item; handled ones stay as they were (they are history: who did what, with the reason).
INSERT INTO samenwerking_wijziging (partnership_id, wijziging_id, item_id, gebruik, gebruik_id, leerroute_id, omschrijving, status, created_at)
SELECT partnership_id, wijziging_id, item_id, 'planning', item_id, NULL, 'planning van de leerroutes', 'open', min(created_at)
  FROM samenwerking_wijziging
 WHERE gebruik = 'planning' AND status = 'open' AND gebruik_id <> item_id
 GROUP BY partnership_id, wijziging_id, item_id
ON CONFLICT (partnership_id, wijziging_id, gebruik, gebruik_id) DO NOTHING;
DELETE FROM samenwerking_wijziging WHERE gebruik = 'planning' AND status = 'open' AND gebruik_id <> item_id;
