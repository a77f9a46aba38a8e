-- AVG: the leerroute history outlives the account of whoever made a change, like the audit log and the crosswalk
-- history (0008). Its user_id becomes an id only (no foreign key): when that account is deleted the entries stay,
-- and the name is gone with the account ("(verwijderd account)" in the history). The other leerroute tables already
-- empty their created_by/updated_by reference (ON DELETE SET NULL, 0010).
ALTER TABLE leerroute_historie DROP CONSTRAINT leerroute_historie_user_id_fkey;
