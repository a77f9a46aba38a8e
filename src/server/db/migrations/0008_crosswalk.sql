-- Issue 5: the crosswalk of a samenwerking. Teachers review the links the engine suggests between vmbo eindtermen
-- and mbo werkprocessen (or keuzedelen): confirm (with a type), reject, or add a link by hand; and they can mark an
-- item as deliberately unlinked. Item ids are stable catalogue ids (see src/domain/inventory/ids.ts): an eindterm's
-- SLO id, `crebo:werkprocescode`, or `keuzedeel:code`; not foreign keys, so that a review outlives a re-import.
-- Who reviewed: in the current state a reference that is emptied when that account is deleted (AVG); in the
-- append-only history an id only, whose name is gone with the account. Reviews belong to the samenwerking and stay.

-- The current state of each reviewed pair (one row per pair per samenwerking).
CREATE TABLE crosswalk_link (
  partnership_id  uuid NOT NULL REFERENCES partnership (id),
  eindterm_id     text NOT NULL,
  werkproces_id   text NOT NULL,
  status          text NOT NULL CHECK (status IN ('bevestigd', 'afgewezen')),
  herkomst        text NOT NULL CHECK (herkomst IN ('voorgesteld', 'handmatig')),
  relatie         text CHECK (relatie IN ('gelijk', 'deels', 'breder', 'smaller', 'verwant')),
  toelichting     text,
  reviewed_by     uuid REFERENCES app_user (id) ON DELETE SET NULL,
  reviewed_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (partnership_id, eindterm_id, werkproces_id)
);
-- The public counts ("confirmed by N samenwerkingen") look links up by item.
CREATE INDEX crosswalk_link_eindterm_idx ON crosswalk_link (eindterm_id) WHERE status = 'bevestigd';
CREATE INDEX crosswalk_link_werkproces_idx ON crosswalk_link (werkproces_id) WHERE status = 'bevestigd';

-- Items a samenwerking marked as deliberately unlinked ("bewust niet gekoppeld").
CREATE TABLE crosswalk_unlinked (
  partnership_id  uuid NOT NULL REFERENCES partnership (id),
  item_id         text NOT NULL,
  toelichting     text,
  marked_by       uuid REFERENCES app_user (id) ON DELETE SET NULL,
  marked_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (partnership_id, item_id)
);

-- Every review action, oldest first: who, when, what and why. Append-only like the audit log.
CREATE TABLE crosswalk_review (
  id              bigserial PRIMARY KEY,
  partnership_id  uuid NOT NULL REFERENCES partnership (id),
  eindterm_id     text,
  werkproces_id   text,
  item_id         text,
  actie           text NOT NULL CHECK (actie IN ('bevestigen', 'afwijzen', 'toevoegen', 'niet-koppelen', 'wel-koppelen')),
  relatie         text CHECK (relatie IN ('gelijk', 'deels', 'breder', 'smaller', 'verwant')),
  toelichting     text,
  user_id         uuid NOT NULL,                     -- no foreign key (like audit_log): the entry outlives the account; an id only
  at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX crosswalk_review_partnership_idx ON crosswalk_review (partnership_id, id);

CREATE FUNCTION crosswalk_review_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'crosswalk_review is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER crosswalk_review_no_update_delete BEFORE UPDATE OR DELETE ON crosswalk_review FOR EACH ROW EXECUTE FUNCTION crosswalk_review_append_only();
CREATE TRIGGER crosswalk_review_no_truncate BEFORE TRUNCATE ON crosswalk_review FOR EACH STATEMENT EXECUTE FUNCTION crosswalk_review_append_only();
