-- Issue 17: a version of what teachers said, so that GET /api/match reads the evidence (all crosswalk judgments of
-- real samenwerkingen and the vote totals) again only when it changed, instead of on every question.
--
-- One row. Every transaction that changes a table the evidence is read from (crosswalk_link, zoekmonitor_stem, and
-- what makes a samenwerking real: partnership_member and organisation.soort) raises `versie` once, at its end: a
-- deferred constraint trigger, so the row is locked only while the transaction commits (no waiting on it while the
-- transaction still works, no deadlock between two reviews), and the new version becomes visible in the same commit
-- as the change. A reader that sees version v therefore reads evidence at least as new as v.
-- `gewijzigd_op` makes the pair unique over databases too (a restored backup of another database never looks like
-- the version a process holds).
CREATE TABLE zoekmonitor_bewijs_versie (
  id           smallint PRIMARY KEY CHECK (id = 1),
  versie       bigint NOT NULL,
  gewijzigd_op timestamptz NOT NULL
);
INSERT INTO zoekmonitor_bewijs_versie (id, versie, gewijzigd_op) VALUES (1, 1, clock_timestamp());

CREATE FUNCTION zoekmonitor_bewijs_gewijzigd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Once per transaction, however many rows it changed.
  IF current_setting('doorlopend.bewijs_versie_tx', true) IS DISTINCT FROM txid_current()::text THEN
    PERFORM set_config('doorlopend.bewijs_versie_tx', txid_current()::text, true);
    UPDATE zoekmonitor_bewijs_versie SET versie = versie + 1, gewijzigd_op = clock_timestamp() WHERE id = 1;
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER zoekmonitor_bewijs_crosswalk AFTER INSERT OR UPDATE OR DELETE ON crosswalk_link
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION zoekmonitor_bewijs_gewijzigd();
CREATE CONSTRAINT TRIGGER zoekmonitor_bewijs_stem AFTER INSERT OR UPDATE OR DELETE ON zoekmonitor_stem
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION zoekmonitor_bewijs_gewijzigd();
CREATE CONSTRAINT TRIGGER zoekmonitor_bewijs_lid AFTER INSERT OR UPDATE OR DELETE ON partnership_member
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION zoekmonitor_bewijs_gewijzigd();
CREATE CONSTRAINT TRIGGER zoekmonitor_bewijs_organisatie AFTER UPDATE OF soort OR DELETE ON organisation
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION zoekmonitor_bewijs_gewijzigd();
