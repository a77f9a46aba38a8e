-- Issue 4: password reset and invitations. Only the sha256 of each (random, single-use) token is stored.

CREATE TABLE password_reset (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash  text NOT NULL UNIQUE,
  user_id     uuid NOT NULL REFERENCES app_user (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz                           -- set once; a used token never works again
);
CREATE INDEX password_reset_user_idx ON password_reset (user_id);

CREATE TABLE invitation (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash       text NOT NULL UNIQUE,
  organisation_id  uuid NOT NULL REFERENCES organisation (id),
  email            text NOT NULL CHECK (email = lower(email)),
  rol              text NOT NULL CHECK (rol IN ('beheerder', 'ontwikkelaar', 'examinator', 'examencommissie', 'decaan', 'leerling')),
  invited_by       uuid NOT NULL REFERENCES app_user (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  expires_at       timestamptz NOT NULL,
  accepted_at      timestamptz,                      -- set once; an accepted invitation never works again
  accepted_by      uuid REFERENCES app_user (id)
);
CREATE INDEX invitation_organisation_idx ON invitation (organisation_id);
