-- Issue 4: a platform-level right for the national catalogue, and what deleting an account (AVG) needs.

-- The national catalogue belongs to no school: uploading tables into it is a right of the platform's own
-- beheerders (set by `doorlopend admin create-user --platform-beheerder`, and for beheerder@vmbo.demo in demo mode).
ALTER TABLE app_user ADD COLUMN platform_beheerder boolean NOT NULL DEFAULT false;

-- An invitation belongs to the organisation and the invited address; it outlives the account of whoever sent
-- or accepted it (deleting that account leaves the reference empty).
ALTER TABLE invitation ALTER COLUMN invited_by DROP NOT NULL;
ALTER TABLE invitation DROP CONSTRAINT invitation_invited_by_fkey;
ALTER TABLE invitation ADD CONSTRAINT invitation_invited_by_fkey FOREIGN KEY (invited_by) REFERENCES app_user (id) ON DELETE SET NULL;
ALTER TABLE invitation DROP CONSTRAINT invitation_accepted_by_fkey;
ALTER TABLE invitation ADD CONSTRAINT invitation_accepted_by_fkey FOREIGN KEY (accepted_by) REFERENCES app_user (id) ON DELETE SET NULL;

-- The audit log keeps ids only, never names or e-mail addresses. Until now 'invitation.sent' wrote the invited
-- e-mail address into its details; the application no longer does, and this removes it once from the entries
-- written before (the only change ever made to the append-only log, here in the migration, with its trigger off).
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete;
UPDATE audit_log SET details = details - 'email' WHERE details ? 'email';
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete;
